import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

/// `ExtractionRun`, the library call behind `glossary extract`: what it reads, what it writes,
/// and that a second run over the same corpus changes nothing. Three small document pairs of our
/// own, each with the same four sentences' worth of formulations.
struct ExtractionRunTests {
  static let documents: [(String, String, String)] = [
    ("2019-03-01-call",
     "习近平同法国总统通电话。\n\n习近平指出，中法双方要共同推动构建人类命运共同体。双方同意推进“一带一路”合作。\n\n马克龙表示，法方坚持一个中国原则。\n",
     "Xi Jinping spoke with the French President on the phone.\n\nXi Jinping said that China and France should jointly build a community with a shared future for mankind. The two sides agreed to advance Belt and Road cooperation.\n\nMacron said that France adheres to the one-China principle.\n"),
    ("2020-05-02-talks",
     "李克强同德国总理会谈。\n\n李克强表示，中方愿同德方一道推动构建人类命运共同体。双方同意推进“一带一路”合作。\n\n默克尔表示，德方坚持一个中国原则。\n",
     "Li Keqiang held talks with the German Chancellor.\n\nLi Keqiang said that China is ready to work with Germany to build a community with a shared future for mankind. The two sides agreed to advance Belt and Road cooperation.\n\nMerkel said that Germany adheres to the one-China principle.\n"),
    ("2021-07-03-message",
     "习近平致电祝贺意大利总统。\n\n习近平强调，中意两国应携手构建人类命运共同体。双方同意推进“一带一路”合作。\n\n意方表示坚持一个中国原则。\n",
     "Xi Jinping sent a message of congratulations to the Italian President.\n\nXi Jinping stressed that China and Italy should join hands to build a community with a shared future for mankind. The two sides agreed to advance Belt and Road cooperation.\n\nItaly said that it adheres to the one-China principle.\n"),
  ]

  /// A corpus folder with the three pairs (and, when asked, only their Chinese halves).
  static func corpus(chineseOnly: Bool = false) throws -> String {
    let dir = try TestSupport.temporaryDirectory("extraction-run")
    let corpus = dir + "/Corpus"
    try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
    for (slug, zh, en) in documents {
      _ = try TestSupport.write(zh, to: slug + ".zh.txt", in: corpus)
      if !chineseOnly { _ = try TestSupport.write(en, to: slug + ".en.txt", in: corpus) }
    }
    return corpus
  }

  static func glossaryPath(beside corpus: String) -> String {
    URL(fileURLWithPath: corpus).deletingLastPathComponent().appendingPathComponent("mined.zh-en.tsv").path
  }

  @Test func dryRunMinesButWritesNothing() throws {
    let corpus = try Self.corpus()
    let path = Self.glossaryPath(beside: corpus)
    let result = try ExtractionRun(corpusPath: corpus, glossaryPath: path).run(write: false)
    #expect(result.summary.documents == 3)
    #expect(result.summary.sentencePairs == 12)  // four sentences a document, paired one to one
    #expect(result.summary.terms == result.terms.count && !result.terms.isEmpty)
    #expect(result.summary.newCandidates == 0 && result.summary.updatedEntries == 0)
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(result.warnings.isEmpty)
  }

  @Test func writesCandidatesOnceAndASecondRunChangesNothing() throws {
    let corpus = try Self.corpus()
    let path = Self.glossaryPath(beside: corpus)
    let run = ExtractionRun(corpusPath: corpus, glossaryPath: path)
    let first = try run.run()
    let g = try GlossaryStore.load(path: path)
    let candidates = g.entries.filter { $0.status == .candidate }
    #expect(first.summary.newCandidates > 0)
    #expect(first.summary.newCandidates == candidates.count)  // one new candidate per rendering written
    #expect(g.entries.allSatisfy { $0.status == .candidate })  // nothing curated from scratch
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let second = try run.run()
    #expect(second.summary.newCandidates == 0 && second.summary.updatedEntries == 0)
    #expect(second.summary.unchangedEntries == first.summary.newCandidates)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
  }

  @Test func curatedRowsStayAsTheyAre() throws {
    let corpus = try Self.corpus()
    let path = Self.glossaryPath(beside: corpus)
    try GlossaryStore.update(path: path) { g in
      _ = try g.add(GlossaryEntry(source: "习近平", target: "Xi Jinping", status: .preferred))
    }
    _ = try ExtractionRun(corpusPath: corpus, glossaryPath: path).run()
    let g = try GlossaryStore.load(path: path)
    let xi = g.entries.filter { $0.source == "习近平" }
    #expect(xi.map(\.target) == ["Xi Jinping"])
    #expect(xi.first?.status == .preferred)
    #expect(g.entries.contains { $0.status == .candidate })
  }

  @Test func aCorpusWithoutPairsIsADataError() throws {
    let corpus = try Self.corpus(chineseOnly: true)
    let path = Self.glossaryPath(beside: corpus)
    #expect(throws: CorpusError.self) { try ExtractionRun(corpusPath: corpus, glossaryPath: path).run() }
    do {
      _ = try ExtractionRun(corpusPath: corpus, glossaryPath: path).run()
    } catch {
      #expect(ExitStatus.code(for: error) == ExitStatus.dataError)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
