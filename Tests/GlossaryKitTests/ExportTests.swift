import Foundation
import GlossaryTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GlossaryKit

@Suite struct ExportTests {
  func sample() throws -> Glossary {
    var g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    g.comments = []
    try g.add(GlossaryEntry(source: "双碳", target: "carbon peaking, \"neutrality\"", status: .candidate, note: "two\nlines\tx"))
    return g
  }

  /// The curated fields every exchange format carries.
  func curated(_ g: Glossary) -> [GlossaryEntry] {
    g.entries.sorted(by: GlossaryEntry.fileOrder).map {
      GlossaryEntry(source: $0.source, target: $0.target, status: $0.status, validFrom: $0.validFrom, validTo: $0.validTo,
                    replacedBy: $0.replacedBy, tags: $0.tags, note: $0.note)
    }
  }

  @Test func omegaTRules() throws {
    let text = try GlossaryExporter.export(sample(), format: .tsv)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    // First line: a comment naming the encoding the way OmegaT detects it; no header row.
    #expect(lines.first?.hasPrefix("#") == true && lines.first?.contains("coding: utf-8") == true)
    let rows = lines.filter { !$0.hasPrefix("#") }
    #expect(rows.count == 9)
    #expect(!rows.contains { $0.hasPrefix("zh\t") })
    // Exactly source, target, comment; no tab or newline leaks from a field.
    for r in rows { #expect(r.split(separator: "\t", omittingEmptySubsequences: false).count == 3) }
    #expect(rows.contains("双碳\tcarbon peaking, \"neutrality\"\tcandidate; note=two lines x"))
  }

  @Test func csvParsesWithRFC4180Rules() throws {
    let text = try GlossaryExporter.export(sample(), format: .csv)
    #expect(text.hasPrefix("zh,en,status,note,valid_from,valid_to,replaced_by,tags\r\n"))
    let records = GlossaryImporter.csvRecords(text)
    #expect(records.count == 10 && records.allSatisfy { $0.count == 8 })
    #expect(records.contains(["双碳", "carbon peaking, \"neutrality\"", "candidate", "two\nlines\tx", "", "", "", ""]))
    #expect(text.contains("\"carbon peaking, \"\"neutrality\"\"\""))
  }

  @Test func tbxStructure() throws {
    let text = try GlossaryExporter.export(sample(), format: .tbx)
    #expect(text.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"zh\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"))
    final class Counter: NSObject, XMLParserDelegate {
      var counts: [String: Int] = [:]
      var statuses: [String] = []
      var inStatus = false
      func parser(_ p: XMLParser, didStartElement n: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        counts[n, default: 0] += 1
        inStatus = n == "termNote" && a["type"] == "administrativeStatus"
      }
      func parser(_ p: XMLParser, foundCharacters s: String) { if inStatus { statuses.append(s) } }
      func parser(_ p: XMLParser, didEndElement n: String, namespaceURI: String?, qualifiedName: String?) { inStatus = false }
    }
    let c = Counter()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = c
    #expect(parser.parse())
    #expect(c.counts["conceptEntry"] == 5 && c.counts["langSec"] == 10 && c.counts["termSec"] == 14)
    #expect(Set(c.statuses) == ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "supersededTerm-admn-sts", "deprecatedTerm-admn-sts"])
    // The schema check, when xmllint and the shared schema are there.
    let schema = (ProcessInfo.processInfo.environment["GLOSSARY_SHARED_DATA"] ?? "../shared/data") + "/tbx/TBXcoreStructV03_TBX-Basic_integrated.rng"
    if FileManager.default.fileExists(atPath: "/usr/bin/xmllint"), FileManager.default.fileExists(atPath: schema) {
      let dir = try TestSupport.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: dir) }
      let file = try TestSupport.write(text, to: "x.tbx", in: dir)
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
      p.arguments = ["--noout", "--relaxng", schema, file]
      p.standardError = FileHandle.nullDevice
      try p.run()
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
    }
  }

  @Test(arguments: ExchangeFormat.allCases)
  func roundTrip(_ format: ExchangeFormat) throws {
    let g = try sample()
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = try TestSupport.write(try GlossaryExporter.export(g, format: format), to: "x." + format.rawValue, in: dir)
    let back = try GlossaryImporter.read(path: file, format: format, languages: ("zh", "en"))
    var merged = Glossary()
    let report = GlossaryImporter.merge(back, into: &merged, path: "m.tsv")
    #expect(report.conflicts.isEmpty && report.added == g.entries.count)
    if format == .json {
      #expect(merged.entries.sorted(by: GlossaryEntry.fileOrder) == g.entries.sorted(by: GlossaryEntry.fileOrder))
    } else if format == .tsv {
      // OmegaT's TSV cannot hold tabs or newlines: they come back as spaces.
      #expect(curated(merged).count == curated(g).count)
      #expect(curated(merged).filter { $0.source != "双碳" } == curated(g).filter { $0.source != "双碳" })
    } else {
      #expect(curated(merged) == curated(g))
    }
  }
}
