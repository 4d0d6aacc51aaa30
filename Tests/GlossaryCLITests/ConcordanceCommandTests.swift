import Foundation
import GlossaryKit
import GlossaryTestSupport
import Testing

/// `glossary concordance` on a copy of the shipped Corpus/ (its store built once for the suite).
@Suite struct ConcordanceCommandTests {
  /// A copy of Corpus/ and Glossaries/ whose alignment store is built.
  static let workspace: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let dir = (try? TestSupport.temporaryDirectory("concordance")) ?? NSTemporaryDirectory()
    for folder in ["Corpus", "Glossaries"] { try? FileManager.default.copyItem(atPath: root + "/" + folder, toPath: dir + "/" + folder) }
    try? FileManager.default.removeItem(atPath: dir + "/Corpus/.glossary")
    _ = try? TestSupport.run(["concordance", "--update", "务实合作"], directory: dir)
    return dir
  }()

  struct Side: Decodable { var text: String; var highlights: [[Int]] }
  struct Occurrence: Decodable { var document: String; var date: String; var side: String; var source: Side; var target: Side; var rendering: String? }

  /// The text of scalar ranges.
  func highlighted(_ s: Side) -> [String] {
    let scalars = Array(s.text.unicodeScalars)
    return s.highlights.map { r in String(String.UnicodeScalarView(scalars[r[0]..<r[1]])) }
  }

  @Test func listsEverySentenceWithTheTermAsAPlainScanFindsIt() throws {
    let dir = Self.workspace
    let r = try TestSupport.run(["concordance", "务实合作", "--format", "json"], directory: dir)
    #expect(r.status == 0)
    let found = try JSONDecoder().decode([Occurrence].self, from: Data(r.stdout.utf8))
    // The plain scan: every occurrence in every Chinese file of the corpus.
    var scanCount = 0
    var scanDocuments = Set<String>()
    let corpus = try Corpus.scan(dir + "/Corpus")
    for d in corpus.documents(pairedIn: "zh", "en") {
      let n = try TextDecoder.read(path: d.file("zh")!.path).components(separatedBy: "务实合作").count - 1
      scanCount += n
      if n > 0 { scanDocuments.insert(d.id) }
    }
    #expect(scanCount > 20)
    #expect(found.reduce(0) { $0 + highlighted($1.source).count } == scanCount)
    #expect(Set(found.map(\.document)) == scanDocuments)
    #expect(found.allSatisfy { $0.side == "source" && highlighted($0.source).allSatisfy { $0 == "务实合作" } })
    // "practical cooperation" is highlighted wherever the English has it.
    let withPractical = found.filter { $0.target.text.lowercased().contains("practical cooperation") }
    #expect(withPractical.count >= found.count * 3 / 4)
    #expect(withPractical.allSatisfy { highlighted($0.target).map { $0.lowercased() } == ["practical cooperation"] })
    // Dates in order.
    #expect(found.map(\.date) == found.map(\.date).sorted())
  }

  @Test func tsvHasOneLinePerOccurrenceAndFiltersApply() throws {
    let dir = Self.workspace
    let all = try TestSupport.run(["concordance", "務實合作", "--format", "tsv"], directory: dir)  // Traditional query
    let lines = all.stdout.split(separator: "\n")
    #expect(all.status == 0 && lines.first == "document\tdate\tsource\ttarget")
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
    let later = try TestSupport.run(["concordance", "务实合作", "--format", "tsv", "--from", "2020-01-01", "--collection", "talks"], directory: dir)
    let rows = later.stdout.split(separator: "\n").dropFirst()
    #expect(!rows.isEmpty && rows.count < lines.count - 1)
    #expect(rows.allSatisfy { $0.split(separator: "\t")[1] >= "2020-01-01" })
  }

  @Test func renderingsSplitByYear() throws {
    let dir = Self.workspace
    let r = try TestSupport.run(["concordance", "一带一路", "--renderings", "--format", "json"], directory: dir)
    #expect(r.status == 0)
    struct Rendering: Decodable { var text: String; var firstSeen: String; var lastSeen: String }
    struct Split: Decodable { var occurrences: Int; var renderings: [Rendering] }
    let split = try JSONDecoder().decode(Split.self, from: Data(r.stdout.utf8))
    let obor = try #require(split.renderings.first { $0.text == "One Belt, One Road" })
    let bri = try #require(split.renderings.first { $0.text == "the Belt and Road Initiative" })
    #expect(obor.lastSeen < "2016-01-01")
    #expect(bri.firstSeen >= "2016-01-01")
    let text = try TestSupport.run(["concordance", "一带一路", "--renderings"], directory: dir)
    #expect(text.stdout.contains("A  One Belt, One Road"))
  }

  @Test func englishAndPinyinQueriesAndExitCodes() throws {
    let dir = Self.workspace
    let en = try TestSupport.run(["concordance", "Practical Cooperation", "--format", "json", "--limit", "3"], directory: dir)
    let found = try JSONDecoder().decode([Occurrence].self, from: Data(en.stdout.utf8))
    #expect(en.status == 0 && found.count == 3 && found.allSatisfy { $0.side == "target" })
    let name = try TestSupport.run(["concordance", "wang yi", "--format", "json"], directory: dir)
    let names = try JSONDecoder().decode([Occurrence].self, from: Data(name.stdout.utf8))
    #expect(names.contains { highlighted($0.source).contains("王毅") })
    #expect(try TestSupport.run(["concordance", "不存在的说法"], directory: dir).status == 1)
    #expect(try TestSupport.run(["concordance", "  "], directory: dir).status == 64)
    #expect(try TestSupport.run(["concordance", "x", "--corpus", "no-such-folder"], directory: dir).status == 66)
  }
}
