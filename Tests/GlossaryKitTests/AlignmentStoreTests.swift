import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

/// A small zh-en corpus written by the tests: documents as lists of sentence pairs.
enum StoreFixture {
  static let documents: [(collection: String, name: String, pairs: [(String, String)])] = [
    ("talks", "2014-05-20-talks-with-laos", [
      ("双方同意深化务实合作。", "The two sides agreed to deepen practical cooperation."),
      ("中方愿同老方共建“一带一路”。", "China is ready to work with Laos on \"One Belt, One Road\"."),
      ("两国关系发展顺利。", "Relations between the two countries are developing smoothly."),
    ]),
    ("talks", "2017-03-02-talks-with-cambodia", [
      ("双方将加强务实合作。", "The two sides will strengthen practical cooperation."),
      ("柬方支持“一带一路”倡议。", "Cambodia supports the Belt and Road Initiative."),
      ("双方同意加强人文交流。", "The two sides agreed to strengthen people-to-people exchanges."),
    ]),
    ("messages", "2021-07-01-message-to-vietnam", [
      ("中越务实合作成果丰硕。", "China-Viet Nam practical cooperation has borne fruit."),
      ("我们愿共同推动构建人类命运共同体。", "We are ready to build a community with a shared future for mankind."),
      ("祝两国人民友谊长存。", "May the friendship between the two peoples last forever."),
    ]),
  ]

  /// Writes the documents into `dir/COLLECTION/NAME.zh.txt` and `.en.txt` (one paragraph per pair).
  static func write(into dir: String, documents: [(collection: String, name: String, pairs: [(String, String)])] = documents) throws {
    for d in documents {
      try FileManager.default.createDirectory(atPath: dir + "/" + d.collection, withIntermediateDirectories: true)
      try TestSupport.write(d.pairs.map(\.0).joined(separator: "\n\n") + "\n", to: "\(d.collection)/\(d.name).zh.txt", in: dir)
      try TestSupport.write(d.pairs.map(\.1).joined(separator: "\n\n") + "\n", to: "\(d.collection)/\(d.name).en.txt", in: dir)
    }
  }

  static func update(_ dir: String, terms: [(String, String)] = [], lexiconHash: String? = nil) throws -> (AlignmentStore, AlignmentStoreUpdate.Summary) {
    var u = AlignmentStoreUpdate(
      corpus: try Corpus.scan(dir), storePath: dir + "/.glossary/alignments.sqlite",
      sourceLanguage: try Language("zh"), targetLanguage: try Language("en"))
    u.lexiconHash = lexiconHash
    u.curatedSourceTerms = terms.map(\.0)
    u.acceptedPairs = terms.map { (source: $0.0, target: $0.1) }
    return try u.run()
  }
}

@Suite struct AlignmentStoreTests {
  @Test func buildsOnceThenReusesEveryDocument() throws {
    let dir = try TestSupport.temporaryDirectory("store")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try StoreFixture.write(into: dir)
    let (store, first) = try StoreFixture.update(dir)
    #expect(first.added == 3 && first.changed == 0 && first.unchanged == 0)
    #expect(first.pairs == 9)
    #expect(first.modelTrained && first.linked == 3)
    var linked = 0
    try store.forEachDocument(model: try store.meta("model")) { d in
      #expect(d.pairs.count == 3)
      if d.isLinked && d.pairs.allSatisfy({ !$0.links.isEmpty }) { linked += 1 }
    }
    #expect(linked == 3)
    let (_, second) = try StoreFixture.update(dir)
    #expect(second.added == 0 && second.changed == 0 && second.unchanged == 3 && second.linked == 0 && !second.modelTrained)
    #expect(second.rebuilt == nil)
  }

  @Test func alignsOnlyChangedAndNewDocumentsAndDropsRemovedOnes() throws {
    let dir = try TestSupport.temporaryDirectory("store")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try StoreFixture.write(into: dir)
    _ = try StoreFixture.update(dir)
    // Rewritten with the same bytes: a new stamp, the same content hash: nothing to align.
    let path = dir + "/talks/2014-05-20-talks-with-laos.en.txt"
    let same = try String(contentsOfFile: path, encoding: .utf8)
    try TestSupport.write(same, to: "talks/2014-05-20-talks-with-laos.en.txt", in: dir)
    var (_, s) = try StoreFixture.update(dir)
    #expect(s.unchanged == 3 && s.changed == 0)
    // A changed document, a new one, a removed one.
    try TestSupport.write(same + "\nThis sentence is new.\n", to: "talks/2014-05-20-talks-with-laos.en.txt", in: dir)
    try StoreFixture.write(into: dir, documents: [("talks", "2022-01-05-talks-with-thailand", [("双方同意深化务实合作。", "The two sides agreed to deepen practical cooperation.")])])
    try FileManager.default.removeItem(atPath: dir + "/messages/2021-07-01-message-to-vietnam.zh.txt")
    (_, s) = try StoreFixture.update(dir)
    #expect(s.added == 1 && s.changed == 1 && s.removed == 1 && s.unchanged == 1)
    #expect(s.documents == 3)
  }

  @Test func anotherConfigurationOrADamagedFileIsRebuilt() throws {
    let dir = try TestSupport.temporaryDirectory("store")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try StoreFixture.write(into: dir)
    _ = try StoreFixture.update(dir)
    var (_, s) = try StoreFixture.update(dir, lexiconHash: "0123")
    #expect(s.rebuilt?.contains("another configuration") == true && s.added == 3)
    // Not an SQLite file at all.
    let store = dir + "/.glossary/alignments.sqlite"
    try AlignmentStore.remove(path: store)
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: store))
    (_, s) = try StoreFixture.update(dir)
    #expect(s.rebuilt?.contains("damaged") == true && s.added == 3 && s.pairs == 9)
  }

  @Test func aDamagedBlobIsNeverTrusted() throws {
    let dir = try TestSupport.temporaryDirectory("store")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try StoreFixture.write(into: dir)
    let (store, _) = try StoreFixture.update(dir)
    try store.db.execute("UPDATE documents SET tokens = zeroblob(12) WHERE name = '2017-03-02-talks-with-cambodia'")
    #expect(throws: StoreError.self) { try store.forEachDocument(model: nil) { _ in } }
    // The next update notices while linking (the model's documents are read) or on reading, and rebuilds.
    try store.db.execute("UPDATE documents SET model = NULL")
    let (_, s) = try StoreFixture.update(dir)
    #expect(s.rebuilt?.contains("damaged") == true && s.pairs == 9)
  }

  @Test func aChangedGlossaryTermRealignsOnlyTheDocumentsWithIt() throws {
    let dir = try TestSupport.temporaryDirectory("store")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try StoreFixture.write(into: dir)
    _ = try StoreFixture.update(dir)
    let (_, s) = try StoreFixture.update(dir, terms: [("人类命运共同体", "community with a shared future for mankind")])
    #expect(s.realignedForTerms == 1 && s.unchanged == 2)
    #expect(s.modelTrained)  // the accepted pair is a prior of the word model
    let (_, again) = try StoreFixture.update(dir, terms: [("人类命运共同体", "community with a shared future for mankind")])
    #expect(again.realignedForTerms == 0 && !again.modelTrained)
  }
}
