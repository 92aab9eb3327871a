import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimited, parsePipes, splitTable } from './table';

describe('splitTable: delimiter', () => {
  it.each<[string, string, string | null]>([
    ['commas', 'Designator,Value,Qty\nR1,10k,1\nC1,100n,1\n', ','],
    ['semicolons (Russian/German Excel)', 'Bauteil;Wert;Menge\nR1;10k;1\nC1;4,7µ;1\n', ';'],
    ['semicolons with commas inside designator lists', 'Поз.;Наименование;Кол.\nC1, C2;К10-17б 0,1 мкФ;2\nR1, R2, R3;С2-33Н 10 кОм;3\n', ';'],
    ['tabs', 'Reference\tValue\tQty\nC1 C2\t100n\t2\n', '\t'],
    ['tabs with commas inside cells', 'Reference\tValue\tQty\nC1, C2\t100n, 50V\t2\nR1\t10k, 1%\t1\n', '\t'],
    ['pipes', 'Ref|Value|Qty\nR1|10k|1\n', '|'],
    ['Markdown table', '| Ref | Value |\n|---|---|\n| C1, C2 | 100n |\n| R1 | 10k |\n', '|'],
    [
      'commas after KiCad preamble',
      '"Source:","x.kicad_sch"\n"Date:","today"\n\n"Collated Components:"\n\n"Item","Qty","Reference(s)","Value"\n"1","2","C1, C2","1u"\n"2","1","C3","4u7"\n"3","1","R1","10k"\n',
      ',',
    ],
    ['quoted commas do not count', '"a,b";"c,d";"e"\n"1,2";"3,4";"5"\n', ';'],
    ['Excel sep= line decides', 'sep=;\na,b,c;d\n1,2,3;4\n', ';'],
    ['a single column', 'MPN\nLM358\nNE555\n', null],
    ['empty', '', null],
  ])('%s', (_name, text, delimiter) => {
    expect(splitTable(text).delimiter).toBe(delimiter);
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('without the sep= line the same text is comma-separated', () => {
    expect(detectDelimiter('a,b,c;d\n1,2,3;4\n')).toBe(',');
  });
});

describe('splitTable: rows and source lines', () => {
  it.each<[string, string, string[][], number[]]>([
    [
      'simple',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'old Mac CR',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'blank lines give no row but count',
      'a,b\n\n   \n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 4],
    ],
    [
      'cells trimmed',
      ' a , b \n 1 ,\t2\t\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    ['quotes and doubled quotes', '"a","say ""hi"""\n', [['a', 'say "hi"']], [1]],
    ['quoted delimiter', '"C1, C2",2\n', [['C1, C2', '2']], [1]],
    ['quote after spaces opens a quoted cell', 'a, "C1, C2"\n', [['a', 'C1, C2']], [1]],
    ['quote inside a cell is literal', '8" display,1\n', [['8" display', '1']], [1]],
    [
      'newline inside quotes: the next row keeps its line',
      '"a","multi\nline"\n"b","c"\n',
      [
        ['a', 'multi\nline'],
        ['b', 'c'],
      ],
      [1, 3],
    ],
    [
      'CRLF inside quotes',
      '"a","x\r\ny"\r\nb,c\r\n',
      [
        ['a', 'x\r\ny'],
        ['b', 'c'],
      ],
      [1, 3],
    ],
    [
      'unclosed quote is literal',
      'a,"open\nb,c\n',
      [
        ['a', '"open'],
        ['b', 'c'],
      ],
      [1, 2],
    ],
    ['text after a closing quote is kept', '"10"k,1\n', [['10k', '1']], [1]],
    [
      'empty cells kept',
      'a,,c\n,,\n',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
      [1, 2],
    ],
    ['ragged rows stay ragged', 'a,b,c\n1\n1,2,3,4,5\n', [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4', '5']], [1, 2, 3]],
    [
      'Excel ="…" text',
      'Footprint,Qty\n="0603",="1"\n',
      [
        ['Footprint', 'Qty'],
        ['0603', '1'],
      ],
      [1, 2],
    ],
    ['byte-order mark character', '\uFEFFa,b\n', [['a', 'b']], [1]],
    [
      'sep= line is not a row',
      'sep=,\na,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [2, 3],
    ],
    ['NBSP trimmed', '\u00a0a\u00a0,b\n', [['a', 'b']], [1]],
  ])('%s', (_name, text, rows, lines) => {
    const t = splitTable(text);
    expect(t.rows).toEqual(rows);
    expect(t.lines).toEqual(lines);
  });

  it('keeps the source lines of a KiCad export with preamble and blank lines', () => {
    const t = splitTable('"Source:","x"\n"Date:","d"\n\n"Collated Components:"\n\n"Item","Qty"\n"1","2"\n');
    expect(t.rows).toEqual([['Source:', 'x'], ['Date:', 'd'], ['Collated Components:'], ['Item', 'Qty'], ['1', '2']]);
    expect(t.lines).toEqual([1, 2, 4, 6, 7]);
  });
});

describe('splitTable: Markdown tables turned to text', () => {
  it('drops the edge pipes and the separator row, keeps line numbers', () => {
    const t = splitTable('# BOM\n\n| Ref | Qty | Value |\n|:----|----:|:-----:|\n| C1, C2 | 2 | 100n |\n| R1 | 1 | 10k |\n');
    expect(t.delimiter).toBe('|');
    expect(t.rows).toEqual([['# BOM'], ['Ref', 'Qty', 'Value'], ['C1, C2', '2', '100n'], ['R1', '1', '10k']]);
    expect(t.lines).toEqual([1, 3, 5, 6]);
  });

  it.each<[string, string, string[]]>([
    ['bold', '| **R1** | x |', ['R1', 'x']],
    ['code', '| `B2B-PH-K-S` | x |', ['B2B-PH-K-S', 'x']],
    ['escaped pipe', '| a \\| b | x |', ['a | b', 'x']],
    ['empty cells', '| a |  | c |', ['a', '', 'c']],
    ['quoted cell', '| "C1, C2" | x |', ['C1, C2', 'x']],
    ['<br>', '| a<br>b | x |', ['a b', 'x']],
    ['no edge pipes', 'a | b | c', ['a', 'b', 'c']],
    ['trailing empty cell without leading pipe', 'a|b|', ['a', 'b', '']],
  ])('%s', (_name, line, cells) => {
    expect(parsePipes(line).rows).toEqual([cells]);
  });
});

describe('splitTable: hostile input', () => {
  it('a 10 MB single cell does not throw', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const t = splitTable(`a,b\n"${big}",1\n`);
    expect(t.rows[1][0].length).toBe(big.length);
    expect(t.rows[1][1]).toBe('1');
  });

  it('a 10 MB unclosed quote does not throw or swallow the delimiter choice', () => {
    const t = splitTable(`a;b\n"${'y'.repeat(10 * 1024 * 1024)}`);
    expect(t.delimiter).toBe(';');
    expect(t.rows).toHaveLength(2);
  });

  it('a 10 MB line without a delimiter', () => {
    const t = splitTable('z'.repeat(10 * 1024 * 1024));
    expect(t.rows).toHaveLength(1);
  });

  it('many rows', () => {
    const t = splitTable('Designator,Value\n' + 'R1,10k\n'.repeat(100_000));
    expect(t.rows).toHaveLength(100_001);
    expect(t.lines[100_000]).toBe(100_001);
  });

  it('parseDelimited stops at maxRows', () => {
    expect(parseDelimited('a\nb\nc\n', ',', 2).rows).toEqual([['a'], ['b']]);
  });
});
