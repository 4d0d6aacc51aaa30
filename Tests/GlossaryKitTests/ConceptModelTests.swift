import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

/// Concepts with terms in any number of languages, the pair view, format 2
/// files, format 1 migration and referential integrity.
@Suite struct ConceptModelTests {
  static let v1 = """
    # top comment
    zh\ten\tstatus\tvalid_from\tvalid_to\treplaced_by\ttags\tnote\tscore\toccurrences\tseen_in\texamples\treviewer\treviewed
    一带一路\tthe Belt and Road Initiative\tpreferred\t2016-01-01\t\t\tinitiative\tSingular.\t\t\t\t\tli\t2026-11-30
    # a comment above OBOR
    一带一路\tOBOR\tdeprecated\t\t\tthe Belt and Road Initiative\tinitiative\t\t\t\t\t\t\t
    双碳\tdual carbon\tcandidate\t\t\t\t\t\t0.5\t3\t2021-01-01-a,2022-02-02-b\t2021-01-01-a\\t实现双碳目标\\treach the dual carbon goals\t\t
    # trailing comment

    """

  /// Format 1 rows as that format's reader gave them (one GlossaryEntry per row, no concept).
  static func version1Rows(_ text: String) -> [GlossaryEntry] {
    var rows: [GlossaryEntry] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.hasPrefix("#") }
    guard let header = lines.first else { return [] }
    let h = try! Glossary.parseHeader(header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), languagesRow: nil).get()
    for line in lines.dropFirst() {
      var fields = [String](repeating: "", count: GlossaryRow.Slot.count)
      for (k, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() where h.slots[k] >= 0 {
        fields[h.slots[k]] = Glossary.unescape(cell)!
      }
      if case let .success(.pair(e)) = GlossaryRow.parse(fields, version: 1, line: 0) { rows.append(e) }
    }
    return rows
  }

  /// Pairs without concept ids, in file order.
  static func plain(_ pairs: [GlossaryEntry]) -> [GlossaryEntry] {
    pairs.map { var e = $0; e.conceptID = ""; return e }.sorted(by: GlossaryEntry.fileOrder)
  }

  @Test func version1IsReadAsConceptsAndWrittenAsVersion2WithoutLoss() throws {
    let g = try Glossary.parse(Self.v1, path: "v1.tsv")
    #expect(g.formatVersion == 1 && g.languages == ["zh", "en"])
    #expect(g.concepts.map(\.id) == ["c1", "c2"])
    #expect(g.concepts[0].terms.map(\.text) == ["一带一路", "the Belt and Road Initiative", "OBOR"])
    #expect(g.concepts[0].terms[0].status == .preferred && g.concepts[1].terms[0].status == .candidate)
    #expect(Self.plain(g.entries) == Self.plain(Self.version1Rows(Self.v1)))
    let text = g.tsv()
    #expect(text.hasPrefix("# top comment\nlanguages\tzh\ten\nconcept\tlang\tterm\tstatus\t"))
    #expect(text.contains("\n# a comment above OBOR\nc1\ten\tOBOR\tdeprecated\t"))
    #expect(text.hasSuffix("\n# trailing comment\n"))
    let again = try Glossary.parse(text, path: "v2.tsv")
    #expect(again == g && again.formatVersion == 2 && again.tsv() == text)
    #expect(again.entries == g.entries)
  }

  /// The shipped glossary's migration to format 2 kept every pair: the first commit that made it format 2
  /// against its parent (skipped without git history).
  @Test func shippedGlossaryMigrationKeptEveryPair() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let file = "Glossaries/diplomatic.zh-en.tsv"
    func git(_ args: [String]) -> String? {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      p.arguments = ["git", "-C", root] + args
      let out = Pipe()
      p.standardOutput = out
      p.standardError = FileHandle.nullDevice
      guard (try? p.run()) != nil else { return nil }
      let data = out.fileHandleForReading.readDataToEndOfFile()
      p.waitUntilExit()
      return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
    guard let log = git(["log", "--format=%H", "--reverse", "--", file]) else { return }
    var previous: String?
    for commit in log.split(separator: "\n").map(String.init) {
      guard let text = git(["show", "\(commit):\(file)"]) else { continue }
      if text.contains("\nlanguages\tzh\ten\n") {
        guard let before = previous else { return }
        let old = try Glossary.parse(before, path: file)
        let new = try Glossary.parse(text, path: file)
        #expect(old.formatVersion == 1 && new.formatVersion == 2)
        #expect(Self.plain(new.entries) == Self.plain(Self.version1Rows(before)))
        #expect(new.entries == old.entries)  // the same concept ids too
        #expect(new.comments == old.comments)
        return
      }
      previous = text
    }
  }

  @Test func conceptsHoldSynonymsInAnyNumberOfLanguages() throws {
    var g = Glossary(languages: ["en", "es", "fr"])
    var c = Concept(id: "")
    c.terms = [
      Term(language: "en", text: "gamma-ray burst", status: .preferred),
      Term(language: "en", text: "GRB", status: .admitted, partOfSpeech: "noun"),
      Term(language: "es", text: "explosión de rayos gamma", status: .preferred),
      Term(language: "es", text: "brote de rayos gamma", status: .admitted),
      Term(language: "fr", text: "sursaut gamma", status: .preferred),
    ]
    c.subjectField = "astronomy"
    c.setDefinition("A flash of gamma rays.", source: "NASA", language: "en")
    let id = try g.add(c)
    #expect(id == "c1")
    // The pair view: every source term with every rendering of the first target language.
    #expect(g.entries.map { "\($0.source) -> \($0.target)" } == [
      "gamma-ray burst -> explosión de rayos gamma", "gamma-ray burst -> brote de rayos gamma",
      "GRB -> explosión de rayos gamma", "GRB -> brote de rayos gamma",
    ])
    #expect(g.pairs(from: "fr", to: "en").map(\.target) == ["gamma-ray burst", "GRB"])
    #expect(g.entries.allSatisfy { $0.conceptID == "c1" })
    let back = try Glossary.parse(g.tsv(), path: "x.tsv")
    #expect(back == g)
    #expect(back.concepts[0].definition(in: "en") == "A flash of gamma rays." && back.concepts[0].subjectField == "astronomy")
    #expect(back.concepts[0].terms[1].partOfSpeech == "noun")
    // A term in a language the glossary does not hold is refused.
    #expect(throws: GlossaryError.self) { try g.addTerm(Term(language: "de", text: "Gammablitz"), toConcept: "c1") }
  }

  @Test func pairEditsJoinConceptsAndKeepThemConsistent() throws {
    var g = Glossary(sourceLanguage: "zh", targetLanguage: "en")
    try g.add(GlossaryEntry(source: "中国梦", target: "the Chinese Dream", status: .preferred))
    try g.add(GlossaryEntry(source: "中国梦", target: "the China Dream", status: .candidate))
    try g.add(GlossaryEntry(source: "双碳", target: "dual carbon", status: .candidate))
    #expect(g.concepts.count == 2)
    #expect(g.concept(id: "c1")!.terms.map(\.text) == ["中国梦", "the Chinese Dream", "the China Dream"])
    #expect(g.concept(id: "c2")!.terms[0].status == .candidate)  // a mined source term is a candidate
    // Curating a rendering makes its source term preferred.
    try g.edit(source: "双碳", target: "dual carbon") { $0.status = .preferred }
    #expect(g.concept(id: "c2")!.terms[0].status == .preferred)
    // Renaming a rendering follows into the replacements that named it.
    try g.deprecate(source: "中国梦", target: "the China Dream", replacement: "the Chinese Dream", since: nil)
    try g.edit(source: "中国梦", target: "the Chinese Dream") { $0.target = "the Chinese dream" }
    #expect(g.concept(id: "c1")!.terms.first { $0.text == "the China Dream" }?.replacedBy == "the Chinese dream")
    // A rendering named as a replacement cannot be removed; removing the last rendering removes the concept.
    #expect(throws: GlossaryError.self) { try g.remove(source: "中国梦", target: "the Chinese dream") }
    try g.remove(source: "双碳", target: "dual carbon")
    #expect(g.concept(id: "c2") == nil && g.newConceptID() == "c3")
  }

  @Test func danglingReplacementsAreRefusedEverywhere() throws {
    // On read, naming the row.
    let bad = """
      languages\tzh\ten
      concept\tlang\tterm\tstatus\treplaced_by
      c1\tzh\t农业\tpreferred\t
      c1\ten\tagriculture\tpreferred\t
      c1\ten\tfarming\tdeprecated\tnonexistent thing

      """
    #expect {
      try Glossary.parse(bad, path: "b.tsv")
    } throws: { error in
      "\(error)" == "b.tsv:5: replaced_by \"nonexistent thing\" of \"farming\" is not a en term of concept c1 (农业) (add it first, or fix the spelling)"
    }
    // On edit.
    var g = try Glossary.parse(bad.replacingOccurrences(of: "nonexistent thing", with: "agriculture"), path: "b.tsv")
    #expect(throws: GlossaryError.self) {
      try g.edit(source: "农业", target: "agriculture") { $0.status = .deprecated; $0.replacedBy = "nonexistent thing" }
    }
    #expect(g.entries.first { $0.target == "agriculture" }?.status == .preferred)
    // A replacement of another language or concept is no replacement either.
    #expect(throws: GlossaryError.self) {
      try g.edit(source: "农业", target: "farming") { $0.replacedBy = "农业" }
    }
  }

  @Test func version2RowsAreCheckedOneByOne() throws {
    let text = """
      languages\tzh\ten
      concept\tlang\tterm\tstatus\tsubject\tdefinition
      c1\t*\t\t\tdiplomacy\t
      c1\tzh\t外交\tpreferred\t\t
      c1\ten\tdiplomacy\tpreferred\tpolitics\t
      c1\tde\tDiplomatie\tpreferred\t\t
      c1\ten\t\tadmitted\t\tThe conduct of relations.
      c 2\tzh\t国防\tpreferred\t\t
      c1\t*\t\t\tagain\t

      """
    #expect {
      try Glossary.parse(text, path: "r.tsv")
    } throws: { error in
      guard case let GlossaryError.invalid(_, problems, _) = error else { return false }
      return problems.map(\.line) == [5, 6, 7, 8, 9]
        && problems[0].message.contains("subject belongs on the concept row")
        && problems[1].message.contains("language \"de\" is not one of the glossary's languages (zh, en)")
        && problems[2].message.contains("status belongs on term rows")
        && problems[3].message.contains("concept id \"c 2\" contains spaces")
        && problems[4].message.contains("concept c1 has two concept rows (first at line 3)")
    }
  }
}
