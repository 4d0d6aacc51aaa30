import Foundation
import GlossaryKit
import GlossaryTestSupport
import Testing

/// The sheet round trip: export, edit the CSV with another program (python's
/// csv module, as a spreadsheet would: every field quoted, CRLF, no BOM), apply.
struct ReviewSheetTests {
  static let env = ["GLOSSARY_TODAY": "2026-11-30", "USER": "tester"]

  @Test func roundTripThroughAnotherProgram() throws {
    let path = try ReviewSessionTests.make()
    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let sheet = dir + "/review.csv"
    let export = try TestSupport.run(["review", "--glossary", path, "--export-sheet", sheet], environment: Self.env)
    #expect(export.status == 0, "\(export.stderr)")
    let raw = try Data(contentsOf: URL(fileURLWithPath: sheet))
    #expect(Array(raw.prefix(3)) == [0xEF, 0xBB, 0xBF])  // BOM for spreadsheets
    #expect(String(decoding: raw, as: UTF8.self).contains("\"One Belt, One Road\""))

    let script = """
      import csv, sys
      src, dst = sys.argv[1], sys.argv[2]
      with open(src, newline='', encoding='utf-8-sig') as f:
          rows = list(csv.DictReader(f))
      decisions = {
          'a community with a shared future for mankind': ('accept', '', '', 'Use "mankind" before 2022.'),
          'the Belt and Road Initiative': ('EDIT', 'the Belt and Road Initiative (BRI)', '', ''),
          'One Belt, One Road': ('deprecate', '', 'the Belt and Road Initiative (BRI)', 'old, line\\nbreak'),
          'bilateral relations': ('maybe', '', '', ''),
      }
      for r in rows:
          d = decisions.get(r['target'])
          if d:
              r['decision'], r['new_target'], r['replacement'], r['note'] = d
      rows.append(dict(rows[0], source='不存在', target='nothing', decision='accept'))
      with open(dst, 'w', newline='', encoding='utf-8') as f:
          w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), quoting=csv.QUOTE_ALL, lineterminator='\\r\\n')
          w.writeheader()
          w.writerows(rows)
      """
    let py = Process()
    py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    py.arguments = ["python3", "-c", script, sheet, dir + "/edited.csv"]
    try py.run()
    py.waitUntilExit()
    #expect(py.terminationStatus == 0)

    let apply = try TestSupport.run(["review", "--glossary", path, "--apply-sheet", dir + "/edited.csv"], environment: Self.env)
    #expect(apply.status == 65)
    // Physical line numbers (the note of row 5 spans two lines), in line order.
    #expect(apply.stderr.range(of: "csv:7:")!.lowerBound < apply.stderr.range(of: "csv:8:")!.lowerBound)
    #expect(apply.stderr.contains("edited.csv:7: bad decision \"maybe\""), "\(apply.stderr)")
    #expect(apply.stderr.contains("edited.csv:8: unknown term 不存在 -> nothing"), "\(apply.stderr)")
    let rows = try GlossaryStore.load(path: path).entries
    func row(_ t: String) -> GlossaryEntry? { rows.first { $0.target == t } }
    #expect(row("a community with a shared future for mankind")?.status == .preferred)
    #expect(row("a community with a shared future for mankind")?.note == "Use \"mankind\" before 2022.")
    #expect(row("a community of shared future for mankind")?.status == .rejected)  // not chosen
    #expect(row("the Belt and Road Initiative (BRI)")?.status == .preferred)
    #expect(row("the Belt and Road Initiative")?.status == .rejected)
    #expect(row("One Belt, One Road")?.status == .deprecated)
    #expect(row("One Belt, One Road")?.replacedBy == "the Belt and Road Initiative (BRI)")
    #expect(row("One Belt, One Road")?.note == "old, line\nbreak")
    #expect(row("bilateral relations")?.status == .candidate)
    #expect(row("bilateral relations")?.reviewer == "")

    // Applying the same sheet again changes nothing and reports the same bad rows.
    let before = try String(contentsOfFile: path, encoding: .utf8)
    let again = try TestSupport.run(["review", "--glossary", path, "--apply-sheet", dir + "/edited.csv"], environment: Self.env)
    #expect(again.status == 65)
    #expect(again.stdout.contains("applied 0"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
  }
}
