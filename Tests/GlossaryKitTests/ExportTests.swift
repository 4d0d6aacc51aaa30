import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

@Suite struct ExportTests {
  func sample() throws -> Glossary {
    var g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    g.comments = []
    try g.add(GlossaryEntry(source: "双碳", target: "carbon peaking, \"neutrality\"", status: .candidate, note: "two\nlines\tx"))
    try g.add(GlossaryEntry(source: "国家主席", target: "Chairman", status: .rejected))
    return g
  }

  /// The curated fields every exchange format carries.
  func curated(_ g: Glossary) -> [GlossaryEntry] {
    g.entries.sorted(by: GlossaryEntry.fileOrder).map {
      GlossaryEntry(source: $0.source, target: $0.target, status: $0.status, validFrom: $0.validFrom, validTo: $0.validTo,
                    replacedBy: $0.replacedBy, tags: $0.tags, note: $0.note)
    }
  }

  @Test func byDefaultApprovedAndRetiredTermsOnly() throws {
    let g = try sample()
    let defaults = GlossaryExporter.selection(g, options: ExportOptions())
    #expect(Set(defaults.entries.map(\.status)) == [.preferred, .admitted, .superseded, .deprecated])
    #expect(defaults.entries.count == 8 && !defaults.entries.contains { $0.source == "双碳" })
    let all = GlossaryExporter.selection(g, options: ExportOptions(all: true))
    #expect(all.entries.count == 10)
    let some = GlossaryExporter.selection(g, options: ExportOptions(statuses: [.candidate]))
    #expect(some.entries.map(\.target) == ["carbon peaking, \"neutrality\""])
  }

  @Test func asOfADateWritesWhatWasValidThen() throws {
    let g = try sample()
    let then = GlossaryExporter.selection(g, options: ExportOptions(asOf: ISODate("2015-06-01")))
    let bri = then.entries.filter { $0.source == "一带一路" }
    // "One Belt, One Road" was the preferred rendering; the 2016 renderings did not exist yet; OBOR stays deprecated.
    #expect(bri.map(\.target) == ["One Belt, One Road", "OBOR"] && bri.map(\.status) == [.preferred, .deprecated])
    #expect(bri[0].replacedBy.isEmpty)
    let now = GlossaryExporter.selection(g, options: ExportOptions(asOf: ISODate("2024-01-01")))
    #expect(now.entries.filter { $0.source == "一带一路" }.map(\.status) == [.preferred, .admitted, .superseded, .deprecated])
  }

  @Test func omegaTRules() throws {
    let text = try GlossaryExporter.export(sample(), format: .tsv, options: ExportOptions(all: true))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    // First line: a comment naming the encoding the way OmegaT detects it; no header row.
    #expect(lines.first?.hasPrefix("#") == true && lines.first?.contains("coding: utf-8") == true)
    let rows = lines.filter { !$0.hasPrefix("#") }
    #expect(rows.count == 10)
    // Exactly source, target, comment; no tab or newline leaks from a field.
    for r in rows { #expect(r.split(separator: "\t", omittingEmptySubsequences: false).count == 3) }
    #expect(rows.contains("双碳\tcarbon peaking, \"neutrality\"\tcandidate; note=two lines x"))
  }

  @Test func csvHasABOMTheConceptAndRFC4180Quoting() throws {
    let text = try GlossaryExporter.export(sample(), format: .csv, options: ExportOptions(all: true))
    #expect(text.hasPrefix("\u{FEFF}concept,zh,en,status,note,valid_from,valid_to,replaced_by,tags\r\n"))
    let records = GlossaryImporter.csvRecords(text)
    #expect(records.count == 11 && records.allSatisfy { $0.count == 9 })
    #expect(records.contains(["c5", "双碳", "carbon peaking, \"neutrality\"", "candidate", "two\nlines\tx", "", "", "", ""]))
    #expect(text.contains("\"carbon peaking, \"\"neutrality\"\"\""))
    let plain = try GlossaryExporter.export(sample(), format: .csv, options: ExportOptions(byteOrderMark: false))
    #expect(plain.hasPrefix("concept,zh,en,"))
  }

  /// Structure of both TBX versions, and the schema check of version 3 when xmllint and the shared schema are there.
  @Test(arguments: [ExchangeFormat.tbx, .tbx2])
  func tbxStructure(_ format: ExchangeFormat) throws {
    var g = try sample()
    try g.modifyConcept(id: "c1") { c in
      c.subjectField = "initiatives"
      c.setDefinition("An initiative of 2013.", source: "MFA", language: "en")
      c.terms.append(Term(language: "en", text: "BRI", status: .admitted, partOfSpeech: "noun", tags: ["acronym"]))
    }
    let text = try GlossaryExporter.export(g, format: format)
    let v3 = format == .tbx
    #expect(text.contains(v3 ? "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"zh\" xmlns=\"urn:iso:std:iso:30042:ed-2\">" : "<martif type=\"TBX-Basic\" xml:lang=\"zh\">"))
    func count(_ s: String) -> Int { text.components(separatedBy: s).count - 1 }
    #expect(count(v3 ? "<conceptEntry " : "<termEntry ") == 4 && count(v3 ? "<langSec " : "<langSet ") == 8)
    #expect(count(v3 ? "<termSec>" : "<tig>") == 13)
    #expect(text.contains("<descrip type=\"subjectField\">initiatives</descrip>"))
    #expect(text.contains("<descrip type=\"definition\">An initiative of 2013.</descrip>\n") && text.contains("<admin type=\"source\">MFA</admin>"))
    #expect(text.contains("<termNote type=\"partOfSpeech\">noun</termNote>") && text.contains("<termNote type=\"termType\">acronym</termNote>"))
    // Read back: the same concepts and terms.
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = try TestSupport.write(text, to: "x.tbx", in: dir)
    let back = try GlossaryImporter.read(path: file)
    var selected = GlossaryExporter.selection(g, options: ExportOptions())
    selected.sort()
    #expect(back.concepts.map(\.id) == selected.concepts.map(\.id))
    #expect(back.concepts.map { $0.terms.map(\.text) } == selected.concepts.map { $0.terms.map(\.text) })
    #expect(back.concept(id: "c1") == selected.concept(id: "c1"))
    let schema = (ProcessInfo.processInfo.environment["GLOSSARY_SHARED_DATA"] ?? "../shared/data") + "/tbx/TBXcoreStructV03_TBX-Basic_integrated.rng"
    if v3, FileManager.default.fileExists(atPath: "/usr/bin/xmllint"), FileManager.default.fileExists(atPath: schema) {
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
    let all = ExportOptions(all: true)
    let file = try TestSupport.write(try GlossaryExporter.export(g, format: format, options: all), to: "x." + format.rawValue, in: dir)
    let back = try GlossaryImporter.read(path: file, format: format)
    var merged = Glossary()
    let report = try GlossaryImporter.merge(back, into: &merged, path: "m.tsv")
    #expect(report.conflicts.isEmpty && report.conceptsAdded == g.concepts.count)
    if format == .tsv {
      // OmegaT's TSV cannot hold tabs or newlines: they come back as spaces; nor concept ids.
      #expect(curated(merged).filter { $0.source != "双碳" } == curated(g).filter { $0.source != "双碳" })
    } else if format == .csv {
      #expect(curated(merged) == curated(g) && ids(merged) == ids(g))
    } else if format == .json {
      #expect(merged.entries.sorted(by: GlossaryEntry.fileOrder) == g.entries.sorted(by: GlossaryEntry.fileOrder))
    } else {
      // TBX normalises whitespace in notes.
      #expect(curated(merged).filter { $0.source != "双碳" } == curated(g).filter { $0.source != "双碳" })
      #expect(ids(merged) == ids(g))
    }
  }

  func ids(_ g: Glossary) -> [String] { g.entries.sorted(by: GlossaryEntry.fileOrder).map(\.conceptID) }
}
