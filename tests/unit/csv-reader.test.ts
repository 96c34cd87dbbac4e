import { describe, expect, it } from "vitest";
import { CsvReader, CsvSyntaxError, detectDelimiter, LineCounter, parseCsv } from "@/lib/csv-reader";

/** Feeds `text` in pieces of the given sizes (cycled), as a stream would. */
function readInPieces(text: string, sizes: number[]) {
  const reader = new CsvReader();
  const out = [];
  for (let i = 0, k = 0; i < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    out.push(...reader.push(text.slice(i, i + size)));
    i += size;
  }
  return [...out, ...reader.end()];
}

describe("CsvReader", () => {
  it("reads plain rows with the line each starts on", () => {
    expect(parseCsv("a,b,c\n1,2,3\n4,5,6\n")).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", "2", "3"] },
      { line: 3, cells: ["4", "5", "6"] },
    ]);
  });

  it("reads quoted fields: commas, doubled quotes and line breaks inside, and counts the lines they span", () => {
    const text = 'name,note\n"Acme, Inc.","said ""hi""\nthen left"\nBeta,plain\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["name", "note"] },
      { line: 2, cells: ["Acme, Inc.", 'said "hi"\nthen left'] },
      { line: 4, cells: ["Beta", "plain"] },
    ]);
  });

  it("keeps empty cells, a trailing comma's cell, and rows of different lengths", () => {
    expect(parseCsv('a,,c,\n"",x\nsolo').map((r) => r.cells)).toEqual([["a", "", "c", ""], ["", "x"], ["solo"]]);
  });

  it("skips empty lines but still counts them", () => {
    expect(parseCsv("h\n\n1\n\n\n2").map((r) => [r.line, r.cells[0]])).toEqual([
      [1, "h"],
      [3, "1"],
      [6, "2"],
    ]);
  });

  it("accepts \\r\\n and \\r line ends and drops a byte-order mark", () => {
    const rows = [
      { line: 1, cells: ["h1", "h2"] },
      { line: 2, cells: ["1", "2"] },
    ];
    expect(parseCsv("\uFEFFh1,h2\r\n1,2\r\n")).toEqual(rows);
    expect(parseCsv("h1,h2\r1,2\r")).toEqual(rows);
  });

  it("keeps a quote inside an unquoted field as text", () => {
    expect(parseCsv('5" screen,ok\n')[0]!.cells).toEqual(['5" screen', "ok"]);
  });

  it("reads the same records whatever size the pieces arrive in", () => {
    const text =
      '\uFEFFid,name,note\r\n1,"A, ""quoted""\r\nname",x\r\n\r\n2,plain,"y"\r\n3,"",\r\n4,last,"multi\nline\nnote"';
    const whole = parseCsv(text);
    expect(whole).toHaveLength(5);
    expect(whole.at(-1)).toEqual({ line: 7, cells: ["4", "last", "multi\nline\nnote"] });
    for (const sizes of [[1], [2], [3, 1], [5, 7, 2], [64]]) expect(readInPieces(text, sizes)).toEqual(whole);
  });

  it("names the line of a quoted field that is never closed", () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\nstill open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,2\n3,"open\nstill open')).toThrow(/Line 3: a quoted field is never closed/);
  });

  it("names the line where text follows a closing quote", () => {
    expect(() => parseCsv('a,b\n"x"y,2\n')).toThrow(/Line 2: a closing quote must be followed by a comma/);
  });

  it("reads nothing from an empty input", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\n\n")).toEqual([]);
  });

  it("reads semicolon- and tab-separated rows, quotes and all", () => {
    expect(parseCsv('id;name;note\n1;"Dupont; fils";4,5\n', ";").map((r) => r.cells)).toEqual([
      ["id", "name", "note"],
      ["1", "Dupont; fils", "4,5"],
    ]);
    expect(parseCsv('id\tname\n1\t"a\tb"\n', "\t").map((r) => r.cells)).toEqual([
      ["id", "name"],
      ["1", "a\tb"],
    ]);
    expect(() => parseCsv('a;b\n"x",y\n', ";")).toThrow(/Line 2: a closing quote must be followed by a semicolon/);
  });
});

describe("detectDelimiter", () => {
  it("takes the separator the header line uses most, outside quotes", () => {
    expect(detectDelimiter("account,metric,date,value")).toBe(",");
    expect(detectDelimiter("account;metric;date;value")).toBe(";");
    expect(detectDelimiter("account\tmetric\tdate")).toBe("\t");
    expect(detectDelimiter('"a;b;c",d,e')).toBe(",");
    expect(detectDelimiter('name;"x,y"')).toBe(";");
    expect(detectDelimiter("single")).toBe(",");
  });
});

describe("LineCounter", () => {
  /** The lines of `bytes` fed `size` bytes at a time, as an upload streams them. */
  function count(bytes: Uint8Array, size: number) {
    const counter = new LineCounter();
    for (let i = 0; i < bytes.length; i += size) counter.add(bytes.subarray(i, i + size));
    return counter.lines;
  }
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("counts the lines the reader reads, whatever their ends and wherever the pieces break", () => {
    const files = [
      "a,b\n1,2\n3,4\n",
      "a,b\n1,2\n3,4",
      "a,b\r\n1,2\r\n\r\n3,4\r\n\r\n",
      "a,b\r1,2\r3,4\r",
      "\n\na,b\n\n\n1,2\n",
      "\uFEFFa,b\n1,2\n",
    ];
    for (const text of files)
      for (const size of [1, 2, 3, 64]) expect(count(utf8(text), size)).toBe(parseCsv(text).length);
  });

  it("counts a UTF-16 file as its UTF-8 twin", () => {
    const text = "a,b\r\n\r\n1,2\r\nÉ,3\r\n";
    const le = new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer);
    const be = le.map((_, i) => le[i ^ 1]!);
    expect([count(le, 5), count(be, 5)]).toEqual([3, 3]);
  });

  it("counts a quoted field's line breaks as lines", () => {
    expect(count(utf8('note\n"two\nlines"\n'), 4)).toBe(3);
  });
});
