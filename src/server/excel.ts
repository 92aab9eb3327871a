/**
 * ExcelJS, imported when a workbook is first read or written: loading it takes about a fifth of a second, which
 * every start of the server and of the command line paid before, spreadsheet or not.
 */
export async function excel() {
  return (await import('exceljs')).default;
}
