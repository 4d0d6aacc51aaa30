import Foundation
import GlossaryKit
import Testing

/// Planted-error document pairs in Fixtures/check: every planted error is
/// found, correct inflected forms are not flagged.
@Suite struct CheckTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/check").path

  static func checker(reverse: Bool = false, enforce: Set<TermStatus> = [.preferred, .admitted]) throws -> TerminologyChecker {
    let g = try GlossaryStore.load(path: fixtures + "/check.zh-en.tsv")
    let index = try CheckIndex(glossaries: [g], source: try Language("zh"), target: try Language("en"))
    return try TerminologyChecker(index: index, options: CheckOptions(enforce: enforce, reverse: reverse))
  }

  static func check(_ stem: String, date: String? = nil, reverse: Bool = false) throws -> CheckReport {
    let s = try TextDocument(contentsOf: fixtures + "/\(stem).zh.txt")
    let t = try TextDocument(contentsOf: fixtures + "/\(stem).en.txt")
    let day = date.flatMap { ISODate($0) } ?? CheckDocuments.date(fromFileName: stem + ".zh.txt")!
    return try checker(reverse: reverse).check(source: s, target: t, date: day)
  }

  /// (kind, term, source line) of each finding.
  static func summary(_ r: CheckReport) -> [String] {
    r.findings.map { "\($0.kind.rawValue) \($0.term) \($0.source.line)" }
  }

  @Test func cleanPairWithInflectedFormsHasNoFindings() throws {
    // "Belt and Road initiative" (case), "high-level exchange" (singular), a line break inside
    // "practical\ncooperation", Traditional Chinese source (雙方將繼續加強高層交往，深化務實合作).
    let r = try Self.check("2018-03-01-clean")
    #expect(r.findings.isEmpty, "\(Self.summary(r))")
    #expect(r.termsChecked == 4)
  }

  @Test func nestedTermCountsOnceAndGerundIsAccepted() throws {
    let r = try Self.check("2023-05-01-nested")
    #expect(r.findings.isEmpty, "\(Self.summary(r))")
    #expect(r.termsChecked == 1)  // 人类命运共同体, not also 命运共同体
  }

  @Test func everyPlantedErrorIsFoundWithSeverityFromEvidence() throws {
    let r = try Self.check("2018-06-01-errors")
    // Errors first (wrong renderings), then warnings, then info; by position within each.
    #expect(Self.summary(r) == [
      "deprecated 一带一路 1",  // "One Belt, One Road" in 2018
      "deprecated 中国共产党 5",  // "the Chinese Communist Party"
      "deprecated 一带一路 7",  // "the Belt and Road Initiatives"
      "inconsistent 务实合作 13",  // "pragmatic" (line 9) then "practical" (line 13)
      "missing 务实合作 3",  // "their cooperation": left out, nothing else links to it
      "missing 务实合作 7",
    ])
    #expect(r.findings.map(\.severity) == [.error, .error, .error, .warning, .info, .info])
    #expect((r.errors, r.warnings) == (3, 1))
    let obor = r.findings[0]
    #expect(obor.found == "One Belt, One Road")
    #expect(obor.foundStatus == .superseded)
    #expect(obor.replacement == "the Belt and Road Initiative")
    #expect(obor.since == ISODate("2016-01-01"))
    let plural = r.findings[2]
    #expect(plural.found == "the Belt and Road Initiatives")
    #expect(plural.foundStatus == .deprecated)
    #expect(plural.message == "\"the Belt and Road Initiatives\" is deprecated (document dated 2018-06-01); use \"the Belt and Road Initiative\"")
    #expect(r.findings[4].message.hasPrefix("no rendering of 务实合作 in the aligned target (left out or restructured?)"))
    // 双方 is a discourse entry: not checked, not counted, unless strict.
    #expect(!r.findings.contains { $0.term == "双方" })
  }

  @Test func discourseEntriesAreCheckedOnlyWhenStrict() throws {
    let s = TextDocument(text: "双方将深化务实合作。")
    let t = TextDocument(text: "China and Laos will deepen practical cooperation.")
    let plain = try Self.checker().check(source: s, target: t, date: ISODate("2020-01-01")!)
    #expect(plain.findings.isEmpty)
    #expect(plain.termsChecked == 1)
    let strict = try TerminologyChecker(index: try Self.checker().index, options: CheckOptions(strict: true))
      .check(source: s, target: t, date: ISODate("2020-01-01")!)
    #expect(strict.termsChecked == 2)
    #expect(strict.findings.map(\.term) == ["双方"])
    #expect(strict.findings.first?.severity != .error)
  }

  @Test func forbiddenRenderingIsAnErrorAnywhere() throws {
    let r = try Self.check("2019-05-01-evidence")
    let wrong = r.findings.filter { $0.severity == .error }
    // In the aligned target of 一带一路 (deprecated), and in a sentence with no 一带一路 at all (forbidden).
    #expect(wrong.map(\.kind) == [.deprecated, .forbidden])
    #expect(wrong.map { $0.target?.line } == [5, 11])
    #expect(wrong.allSatisfy { $0.found == "OBOR" && $0.replacement == "the Belt and Road Initiative" })
    #expect(wrong[1].message == "\"OBOR\" is never to be used for 一带一路; use \"the Belt and Road Initiative\"")
    // "a community with a shared future for mankind" was right until 2021.
    #expect(!r.findings.contains { $0.term == "人类命运共同体" })
    let late = try Self.check("2019-05-01-evidence", date: "2023-01-01")
    #expect(late.findings.contains { $0.term == "人类命运共同体" && $0.kind == .deprecated && $0.severity == .error })
  }

  @Test func theDateDecides() throws {
    // Same text dated 2014: "One Belt, One Road" was the official rendering then.
    let r = try Self.check("2014-06-01-dated")
    #expect(!Self.summary(r).contains("deprecated 一带一路 1"))
    #expect(Self.summary(r).contains("deprecated 一带一路 7"))  // deprecated rows are wrong on any date
    let late = try Self.check("2014-06-01-dated", date: "2018-06-01")
    #expect(Self.summary(late).contains("deprecated 一带一路 1"))
  }

  @Test func reverseFindsRenderingWithoutSourceTerm() throws {
    let r = try Self.check("2018-06-01-errors", reverse: true)
    let reverse = r.findings.filter { $0.kind == .reverse }
    #expect(reverse.map(\.term) == ["高层交往"])
    #expect(reverse.first?.target?.line == 11)
    #expect(reverse.first?.found == "high-level exchanges")
    let plain = try Self.check("2018-06-01-errors")
    #expect(!plain.findings.contains { $0.kind == .reverse })
  }

  @Test func locationsAndMarksPointIntoBothFiles() throws {
    let r = try Self.check("2018-06-01-errors")
    let f = r.findings[1]  // the Chinese Communist Party
    #expect(f.source.path.hasSuffix("2018-06-01-errors.zh.txt"))
    #expect((f.source.line, f.source.column) == (5, 1))
    #expect(f.source.markedSentence() == "[[中国共产党]]高度重视两党关系。")
    #expect(f.target?.path.hasSuffix("2018-06-01-errors.en.txt") == true)
    #expect(f.target.map { ($0.line, $0.column) } ?? (0, 0) == (5, 1))
    #expect(f.target?.markedSentence() == "[[The Chinese Communist Party]] attaches great importance to relations between the two parties.")
  }

  @Test func lineBreakInsideRenderingIsMarkedWhole() throws {
    let doc = TextDocument(text: "We deepen practical\ncooperation.")
    let index = try Self.checker().index
    let words = doc.utf16.withUnsafeBufferPointer { index.targetWords($0) }
    #expect(words.count == 4)
    let annotation = try Annotator(index: index).annotate(doc, targetSide: true, date: ISODate("2020-01-01")!)
    #expect(annotation.terms.map(\.text) == ["practical\ncooperation"])
    #expect(annotation.terms.first?.term == "务实合作")
  }

  @Test func sourceTermsMatchOnKeysLongestFirst() throws {
    let index = try Self.checker().index
    let text = Array("推動構建人類命運共同體和中老命运共同体".utf16)
    let hits = text.withUnsafeBufferPointer { index.sourceTerms(in: $0).hits }
    #expect(hits.map { index.concepts[$0.concept].source } == ["人类命运共同体", "命运共同体"])
    #expect(hits.map(\.range) == [4..<11, 14..<19])
  }

  @Test func annotateMarksTermsWithRenderingAtDate() throws {
    let index = try Self.checker().index
    let doc = TextDocument(text: "推进一带一路建设，构建人类命运共同体。")
    let a = try Annotator(index: index)
    let early = a.annotate(doc, date: ISODate("2015-01-01")!)
    #expect(early.markedText(doc) == "推进[[一带一路|One Belt, One Road]]建设，构建[[人类命运共同体|a community with a shared future for mankind]]。")
    let late = a.annotate(doc, date: ISODate("2023-01-01")!)
    #expect(late.markedText(doc) == "推进[[一带一路|the Belt and Road Initiative]]建设，构建[[人类命运共同体|a community with a shared future for humanity]]。")
    #expect(late.concepts.first?.renderings == ["the Belt and Road Initiative", "the Belt and Road"])
    #expect(late.concepts.first?.avoid.contains("One Belt, One Road") == true)
  }

  @Test func enforcingPreferredOnlyWarnsOnAdmitted() throws {
    let s = TextDocument(text: "双方将加强务实合作。")
    let t = TextDocument(text: "The two sides will strengthen pragmatic cooperation.")
    let r = try Self.checker(enforce: [.preferred]).check(source: s, target: t, date: ISODate("2020-01-01")!)
    #expect(r.findings.map(\.kind) == [.missing])
    #expect(r.findings.first?.severity == .warning)
    #expect(r.findings.first?.found == "pragmatic cooperation")
    #expect(r.findings.first?.expected == ["practical cooperation"])
    #expect(r.findings.first?.message == "\"pragmatic cooperation\" is admitted, not enforced; use \"practical cooperation\"")
  }

  @Test func longSentenceShowsAWindowAroundTheTerm() throws {
    // One 40,000-character sentence: each finding carries at most a window of it, not all of it.
    let filler = String(repeating: "双方将加强交流，", count: 2_500)
    let s = TextDocument(text: filler + "双方同意在一带一路框架下合作" + filler + "。")
    let t = TextDocument(text: String(repeating: "the two sides will strengthen exchanges, ", count: 2_500)
      + "cooperation under the OBOR framework" + String(repeating: ", the two sides will strengthen exchanges", count: 2_500) + ".")
    let r = try Self.checker().check(source: s, target: t, date: ISODate("2020-01-01")!)
    let obor = try #require(r.findings.first { $0.found == "OBOR" })
    #expect(obor.severity == .error)
    #expect(obor.source.sentence.count < 600)
    #expect(obor.source.sentence.hasPrefix("… ") && obor.source.sentence.hasSuffix(" …"))
    #expect(obor.source.markedSentence().contains("[[一带一路]]"))
    #expect(obor.target?.markedSentence().contains("under the [[OBOR]] framework") == true)
    #expect(obor.source.column == 20_006)
  }
}

/// Errors planted in the shipped corpus (Corpus/ of this repository) with the shipped glossary:
/// every deprecated or superseded rendering put in place of an approved one is reported as an error.
@Suite struct PlantedErrorTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

  @Test func everyOutdatedRenderingPlantedInTheCorpusIsAnError() throws {
    let glossary = try GlossaryStore.load(path: Self.root + "/Glossaries/diplomatic.zh-en.tsv")
    let index = try CheckIndex(glossaries: [glossary], source: try Language("zh"), target: try Language("en"))
    let pairing = try AlignerPairing(source: index.sourceLanguage, target: index.targetLanguage, termPairs: index.termPairs)
    let checker = try TerminologyChecker(index: index, options: CheckOptions(alignWords: false), pairing: pairing)
    let planter = try PlantedErrors(index: index)
    var planted = 0
    var missed: [String] = []
    let documents = try Corpus.scan(Self.root + "/Corpus").documents(pairedIn: "zh", "en")
    // Every second document, two seeds: about 50 plants in about 28 documents.
    for (k, d) in documents.enumerated() where k % 2 == 0 {
      let source = try TextDocument(contentsOf: d.file("zh")!.path), target = try TextDocument(contentsOf: d.file("en")!.path)
      for seed in [UInt64(1), 2] {
        guard let (doc, p) = planter.plant(.outdated, source: source, target: target, date: d.date, seed: seed &+ UInt64(k)) else { continue }
        planted += 1
        let r = try checker.check(source: source, target: doc, date: d.date)
        let caught = r.findings.contains { f in
          f.severity == .error && f.term == p.term && (f.target.map { $0.start < p.end && p.start < $0.end } ?? false)
        }
        if !caught { missed.append("\(d.id) \(p.term): \(p.original) -> \(p.planted)") }
      }
    }
    #expect(planted >= 20)
    #expect(missed.isEmpty, "\(missed)")
  }

  @Test func englishIsToldFromOtherLatinScriptLanguages() throws {
    let english = """
      The foreign minister met his counterpart in Beijing. The two sides had an in-depth exchange of views on \
      bilateral relations and international issues of common interest. He stressed that China is ready to work \
      with its partners to strengthen cooperation.
      """
    let german = """
      Der Außenminister traf seinen Amtskollegen in Peking. Beide Seiten führten einen eingehenden \
      Meinungsaustausch über die bilateralen Beziehungen und internationale Fragen von gemeinsamem Interesse. \
      Er betonte, dass China bereit sei, mit seinen Partnern zusammenzuarbeiten.
      """
    let en = try Language("en"), de = try Language("de")
    let share = try #require(CheckDocuments.englishFunctionWordShare(english))
    #expect(share.words == 41)
    #expect(share.share > 0.3)
    #expect(CheckDocuments.languageProblem(text: english, declared: en) == nil)
    #expect(CheckDocuments.languageProblem(text: german, declared: en)?.hasPrefix("the text is not en: only 3% of its first 33 words") == true)
    #expect(CheckDocuments.languageProblem(text: german, declared: de) == nil)
    #expect(CheckDocuments.englishFunctionWordShare("Too short to tell.") == nil)
  }
}
