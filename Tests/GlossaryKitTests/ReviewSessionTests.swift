import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

/// Session logic of `glossary review` on a real glossary file: decisions,
/// undo, resume, queue order, related entries.
struct ReviewSessionTests {
  static let header = "zh\ten\tstatus\tvalid_from\tvalid_to\treplaced_by\ttags\tnote\tscore\toccurrences\tseen_in\texamples\treviewer\treviewed"
  static let today = ISODate("2026-11-30")!

  static let fixture = """
    \(header)
    一带一路\tthe Belt and Road Initiative\tcandidate\t\t\t\t\t\t0.88\t30\t2016-01-01-a,2018-01-01-b\t\t\t
    一带一路\tOne Belt, One Road\tcandidate\t\t\t\t\t\t0.4\t3\t2014-05-01-c\t\t\t
    一带一路\tthe Belt and Road\tcandidate\t\t\t\t\t\t0.3\t2\t2019-05-01-c\t\t\t
    人类命运共同体\ta community with a shared future for mankind\tcandidate\t\t\t\t\t\t0.91\t14\t2017-01-18-g\t\t\t
    双边关系\tbilateral relations\tcandidate\t\t\t\t\t\t0.7\t9\t2020-01-01-d,2021-01-01-e,2022-01-01-f\t\t\t
    国家主席\tPresident\tpreferred\t\t\t\t\t\t\t\t\t\t\t
    国家主席\tChairman\tcandidate\t\t\t\t\t\t0.2\t2\t2013-01-01-x\t\t\t
    命运共同体\tcommunity with a shared future\tpreferred\t\t\t\t\t\t\t\t\t\t\t
    人类命运共同体理念\tthe vision of a community with a shared future for mankind\tadmitted\t\t\t\t\t\t\t\t\t\t\t

    """

  static func storage(_ text: String = fixture) throws -> ReviewFileStorage {
    let dir = try TestSupport.temporaryDirectory("review-kit")
    return ReviewFileStorage(path: try TestSupport.write(text, to: "g.zh-en.tsv", in: dir))
  }

  static func session(_ s: ReviewStorage, _ options: ReviewOptions = ReviewOptions()) throws -> ReviewSession {
    try ReviewSession(storage: s, options: options, reviewer: "li", today: today)
  }

  static func row(_ s: ReviewStorage, _ source: String, _ target: String) throws -> GlossaryEntry? {
    try s.read().entries.first { $0.source == source && $0.target == target }
  }

  /// Head source terms of concept ids.
  static func sources(_ ids: [String], _ g: Glossary) -> [String] { ids.map { g.concept(id: $0)!.headTerm(in: "zh")!.text } }

  @Test func queueIsSortedByScoreFrequencyAndDate() throws {
    let s = try Self.storage()
    let builder = ReviewQueueBuilder(normalizer: try MatchKeyNormalizer())
    let g = try s.read()
    func order(_ o: ReviewOptions) -> [String] { Self.sources(builder.conceptIDs(in: g, options: o), g) }
    #expect(order(ReviewOptions(sort: .score)) == ["人类命运共同体", "一带一路", "双边关系", "国家主席"])
    #expect(order(ReviewOptions(sort: .frequency)).prefix(2) == ["一带一路", "双边关系"])
    #expect(order(ReviewOptions(sort: .date)).first == "双边关系")
    #expect(order(ReviewOptions(filter: "BELT")) == ["一带一路"])
    #expect(order(ReviewOptions(filter: "關係")) == ["双边关系"])  // Traditional matches on keys
    #expect(order(ReviewOptions(limit: 2)).count == 2)
  }

  @Test func acceptMakesPreferredAndRejectsTheOthers() throws {
    let s = try Self.storage()
    let session = try Self.session(s, ReviewOptions(sort: .frequency))
    #expect(session.concept?.source == "一带一路")
    #expect(session.concept?.proposal?.target == "the Belt and Road Initiative")
    #expect(try session.perform(.accept) == .accepted)
    let accepted = try Self.row(s, "一带一路", "the Belt and Road Initiative")
    #expect(accepted?.status == .preferred)
    #expect(accepted?.reviewer == "li" && accepted?.reviewed == Self.today)
    #expect(try Self.row(s, "一带一路", "One Belt, One Road")?.status == .rejected)
    #expect(try Self.row(s, "一带一路", "the Belt and Road")?.status == .rejected)
    #expect(session.concept?.source == "双边关系")
    #expect(session.progress.position == 1 && session.progress.accepted == 1)
  }

  @Test func rejectAndVariantDecideOneRenderingAtATime() throws {
    let s = try Self.storage()
    let session = try Self.session(s, ReviewOptions(filter: "belt"))
    try session.perform(.reject)
    #expect(try Self.row(s, "一带一路", "the Belt and Road Initiative")?.status == .rejected)
    #expect(session.concept?.proposal?.target == "One Belt, One Road")
    try session.perform(.variant)
    #expect(try Self.row(s, "一带一路", "One Belt, One Road")?.status == .admitted)
    #expect(session.concept?.proposal?.target == "the Belt and Road")
    #expect(throws: ReviewError.self) { try session.perform(.deprecate(replacement: "")) }  // no preferred to name
    try session.perform(.deprecate(replacement: "the Belt and Road Initiative"))
    #expect(try Self.row(s, "一带一路", "the Belt and Road")?.replacedBy == "the Belt and Road Initiative")
    #expect(session.isFinished)
    #expect(session.progress.rejected == 1 && session.progress.variants == 1 && session.progress.deprecated == 1)
  }

  @Test func editAddsTheCorrectedRenderingAndKeepsTheMinedRow() throws {
    let s = try Self.storage()
    let session = try Self.session(s)
    #expect(session.concept?.source == "人类命运共同体")
    #expect(try session.perform(.edit("a community with a shared future for humanity ")) == .edited)
    #expect(try Self.row(s, "人类命运共同体", "a community with a shared future for humanity")?.status == .preferred)
    #expect(try Self.row(s, "人类命运共同体", "a community with a shared future for mankind")?.status == .rejected)
    #expect(session.progress.edited == 1)
    // Editing to another candidate's text picks it.
    #expect(try session.perform(.edit("One Belt, One Road")) == .edited)
    #expect(try Self.row(s, "一带一路", "One Belt, One Road")?.status == .preferred)
  }

  @Test func acceptIsRefusedWhenTheConceptHasAPreferredRendering() throws {
    let s = try Self.storage()
    let session = try Self.session(s, ReviewOptions(filter: "国家主席"))
    let before = try s.read()
    #expect(throws: ReviewError.self) { try session.perform(.accept) }
    #expect(try s.read() == before)
    try session.perform(.deprecate(replacement: ""))  // replaced by the preferred rendering
    #expect(try Self.row(s, "国家主席", "Chairman")?.replacedBy == "President")
  }

  @Test func undoRevertsTheFileAndTheCounters() throws {
    let s = try Self.storage()
    var original = try s.read()
    original.sort()
    let session = try Self.session(s)
    try session.perform(.note("check with the team"))
    #expect(try Self.row(s, "人类命运共同体", "a community with a shared future for mankind")?.note == "check with the team")
    try session.perform(.accept)
    try session.perform(.skip)
    try session.perform(.edit("bilateral ties"))
    #expect(session.progress == ReviewProgress(position: 3, total: 4, accepted: 1, edited: 1, skipped: 1))
    #expect(try session.undo() == .edited)
    #expect(try Self.row(s, "双边关系", "bilateral ties") == nil)
    #expect(try Self.row(s, "双边关系", "bilateral relations")?.status == .candidate)
    #expect(session.concept?.source == "双边关系")
    #expect(try session.undo() == .skipped)
    #expect(session.concept?.source == "一带一路")
    try session.undo()
    try session.undo()
    #expect(try s.read() == original)
    #expect(session.progress == ReviewProgress(position: 0, total: 4))
    #expect(throws: ReviewError.nothingToUndo) { try session.undo() }
  }

  @Test func undoRefusesWhenTheRowChangedSince() throws {
    let s = try Self.storage()
    let session = try Self.session(s)
    try session.perform(.accept)
    try s.modify { g in
      try g.edit(source: "人类命运共同体", target: "a community with a shared future for mankind") { $0.note = "changed by glossary edit" }
    }
    #expect(throws: ReviewError.self) { try session.undo() }
  }

  @Test func aNewSessionResumesWithTheCandidatesLeft() throws {
    let s = try Self.storage()
    let first = try Self.session(s)
    try first.perform(.accept)  // 人类命运共同体
    try first.perform(.skip)  // 一带一路
    try first.perform(.reject)  // 双边关系
    let second = try Self.session(s)
    #expect(Self.sources(second.conceptIDs, try s.read()) == ["一带一路", "国家主席"])
    #expect(second.progress.total == 2)
  }

  @Test func relatedEntriesContainOrAreContainedInTheTerm() throws {
    let s = try Self.storage()
    let session = try Self.session(s)
    let related = session.concept?.related.map(\.source) ?? []
    #expect(Set(related) == ["命运共同体", "人类命运共同体理念"])
    #expect(!related.contains("人类命运共同体"))
  }

  @Test func relatedEntriesAreWholeWordsInSpacedScripts() throws {
    let text = """
      \(Self.header.replacingOccurrences(of: "zh\ten", with: "en\tzh"))
      act\t法令\tcandidate\t\t\t\t\t\t0.9\t3\t2020-01-01-a\t\t\t
      contact group\t联络小组\tpreferred\t\t\t\t\t\t\t\t\t\t\t
      the act of state\t国家行为\tpreferred\t\t\t\t\t\t\t\t\t\t\t

      """
    let dir = try TestSupport.temporaryDirectory("review-kit")
    let s = ReviewFileStorage(path: try TestSupport.write(text, to: "g.en-zh.tsv", in: dir))
    let related = try Self.session(s).concept?.related.map(\.source) ?? []
    #expect(related == ["the act of state"])
  }

  @Test func aSuggestedSwitchIsAcceptedInOneDecisionAndUndone() throws {
    let s = try Self.storage()
    let session = try Self.session(s, ReviewOptions(filter: "一带一路"))
    // One Belt, One Road (2014) gave way to the Belt and Road Initiative (2016, 2018).
    let suggested = try #require(session.concept?.suggestedSwitch)
    #expect(suggested.from == "One Belt, One Road")
    #expect(suggested.to == "the Belt and Road Initiative")
    #expect(suggested.firstNew == ISODate("2016-01-01")!)
    #expect(try session.perform(.acceptSwitch) == .switched)
    #expect(session.progress.accepted == 1)
    let new = try #require(try Self.row(s, "一带一路", "the Belt and Road Initiative"))
    #expect(new.status == .preferred && new.validFrom == ISODate("2016-01-01")! && new.reviewer == "li")
    let old = try #require(try Self.row(s, "一带一路", "One Belt, One Road"))
    #expect(old.status == .superseded && old.validTo == ISODate("2015-12-31")! && old.replacedBy == "the Belt and Road Initiative")
    #expect(try Self.row(s, "一带一路", "the Belt and Road")?.status == .rejected)
    #expect(session.concept == nil)  // the concept is closed
    #expect(try session.undo() == .switched)
    #expect(try Self.row(s, "一带一路", "One Belt, One Road")?.status == .candidate)
    #expect(try Self.row(s, "一带一路", "the Belt and Road Initiative")?.validFrom == nil)
  }

  @Test func noSwitchNoSwitchDecision() throws {
    let s = try Self.storage()
    let session = try Self.session(s, ReviewOptions(filter: "双边关系"))
    #expect(session.concept?.suggestedSwitch == nil)
    #expect(throws: ReviewError.self) { try session.perform(.acceptSwitch) }
    #expect(try Self.row(s, "双边关系", "bilateral relations")?.status == .candidate)
  }
}
