import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zip } from '../../../tests/fixtures/broken/corpus';
import { zipBombProblem } from './xlsx';

describe('XLSX decompression-bomb check', () => {
  it('lets a real workbook through', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('BOM').addRows([
      ['Part Number', 'Qty'],
      ['NE555P', 2],
    ]);
    expect(zipBombProblem(Buffer.from(await wb.xlsx.writeBuffer()))).toBeNull();
  });

  it('refuses a part that inflates to more than the directory declares, without inflating it all', () => {
    const lying = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 'A'), declare: 1000 }]);
    expect(lying.length).toBeLessThan(100_000);
    expect(zipBombProblem(lying)).toMatch(/more than its directory says/);
  });

  it('refuses an honest bomb by its declared size and ratio, and a damaged part', () => {
    expect(zipBombProblem(zip([{ name: 'a.xml', data: Buffer.alloc(30 * 1024 * 1024, 'A') }]))).toMatch(/compressed more than/);
    const damaged = zip([{ name: 'a.xml', data: Buffer.from('<x>hello</x>'.repeat(100)) }]);
    damaged.fill(0xff, 40, 60); // inside the deflated data
    expect(zipBombProblem(damaged)).toMatch(/damaged/);
  });
});
