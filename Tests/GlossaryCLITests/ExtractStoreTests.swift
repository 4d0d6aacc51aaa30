import Foundation
import GlossaryKit
import GlossaryTestSupport
import Testing

/// `extract` through the alignment store: an updated store mines what a clean one mines, and a
/// run killed at any moment leaves a store the next run uses or rebuilds.
@Suite struct ExtractStoreTests {
  /// Releases with recurring formulations (务实合作, 一带一路, 人文交流) over several years.
  static let documents: [(stem: String, zh: String, en: String)] = [
    ("2014-11-08-talks-a", "会谈\n\n双方同意推进“一带一路”建设，深化务实合作。\n\n双方同意加强人文交流。\n",
     "Talks\n\nThe two sides agreed to advance the \"One Belt, One Road\" initiative and deepen practical cooperation.\n\nThe two sides agreed to strengthen people-to-people exchanges.\n"),
    ("2015-06-18-call-b", "通话\n\n中方愿同各方推进“一带一路”建设，深化务实合作。\n\n双方同意加强人文交流。\n",
     "Phone call\n\nChina is ready to advance the \"One Belt, One Road\" initiative with all parties and deepen practical cooperation.\n\nThe two sides agreed to strengthen people-to-people exchanges.\n"),
    ("2017-05-14-talks-c", "会谈\n\n双方同意共建“一带一路”倡议，深化务实合作。\n\n双方同意加强人文交流。\n",
     "Talks\n\nThe two sides agreed to jointly pursue the Belt and Road Initiative and deepen practical cooperation.\n\nThe two sides agreed to strengthen people-to-people exchanges.\n"),
    ("2019-04-30-talks-d", "会谈\n\n中方愿同老方推进“一带一路”倡议，深化务实合作。\n",
     "Talks\n\nChina is ready to advance the Belt and Road Initiative with Laos and deepen practical cooperation.\n"),
    ("2021-01-01-call-e", "通话\n\n双方同意推进“一带一路”倡议，加强人文交流。\n",
     "Phone call\n\nThe two sides agreed to advance the Belt and Road Initiative and strengthen people-to-people exchanges.\n"),
  ]

  func write(_ docs: ArraySlice<(stem: String, zh: String, en: String)>, into corpus: String) throws {
    try FileManager.default.createDirectory(atPath: corpus + "/talks", withIntermediateDirectories: true)
    for d in docs {
      try TestSupport.write(d.zh, to: "talks/\(d.stem).zh.txt", in: corpus)
      try TestSupport.write(d.en, to: "talks/\(d.stem).en.txt", in: corpus)
    }
  }

  @Test func anUpdatedStoreMinesWhatACleanOneMines() throws {
    let dir = try TestSupport.temporaryDirectory("extract-store")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let corpus = dir + "/corpus"
    try write(Self.documents[0..<4], into: corpus)
    let first = try TestSupport.run(["extract", "--corpus", corpus, "--glossary", dir + "/g.zh-en.tsv", "--dry-run", "--format", "json"])
    #expect(first.status == 0)
    #expect(first.stderr.contains("alignment store: 4 documents aligned (4 new, 0 changed, 0 with changed glossary terms), 0 unchanged, 0 removed; word model trained"))
    // One document added, one changed, one removed.
    try write(Self.documents[4...], into: corpus)
    try TestSupport.write(Self.documents[1].zh + "\n双方同意深化务实合作。\n", to: "talks/\(Self.documents[1].stem).zh.txt", in: corpus)
    try TestSupport.write(Self.documents[1].en + "\nThe two sides agreed to deepen practical cooperation.\n", to: "talks/\(Self.documents[1].stem).en.txt", in: corpus)
    try FileManager.default.removeItem(atPath: corpus + "/talks/\(Self.documents[3].stem).zh.txt")
    try FileManager.default.removeItem(atPath: corpus + "/talks/\(Self.documents[3].stem).en.txt")
    let updated = try TestSupport.run(["extract", "--corpus", corpus, "--glossary", dir + "/g.zh-en.tsv", "--dry-run", "--format", "json"])
    #expect(updated.status == 0)
    #expect(updated.stderr.contains("alignment store: 2 documents aligned (1 new, 1 changed, 0 with changed glossary terms), 2 unchanged, 1 removed; word model trained"))
    // The same corpus in a new folder: a clean store.
    let clean = dir + "/clean"
    try FileManager.default.createDirectory(atPath: clean, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: corpus + "/talks", toPath: clean + "/talks")
    let fresh = try TestSupport.run(["extract", "--corpus", clean, "--glossary", dir + "/g.zh-en.tsv", "--dry-run", "--format", "json"])
    #expect(fresh.stderr.contains("4 documents aligned (4 new"))
    #expect(fresh.status == 0 && !fresh.stdout.isEmpty)
    #expect(updated.stdout == fresh.stdout)
    let terms = try JSONSerialization.jsonObject(with: Data(fresh.stdout.utf8)) as? [[String: Any]]
    #expect(terms?.contains { ($0["source"] as? String) == "务实合作" } == true)
    // Nothing changed: nothing aligned, the same terms.
    let again = try TestSupport.run(["extract", "--corpus", corpus, "--glossary", dir + "/g.zh-en.tsv", "--dry-run", "--format", "json"])
    #expect(again.stderr.contains("alignment store: 0 documents aligned (0 new, 0 changed, 0 with changed glossary terms), 4 unchanged, 0 removed\n"))
    #expect(again.stdout == fresh.stdout)
  }

  @Test func aRunKilledAtAnyMomentLeavesAStoreTheNextRunUsesOrRebuilds() throws {
    let dir = try TestSupport.temporaryDirectory("extract-kill")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let clean = dir + "/clean", killed = dir + "/killed"
    try write(Self.documents[...], into: clean)
    try write(Self.documents[...], into: killed)
    let start = Date()
    let reference = try TestSupport.run(["extract", "--corpus", clean, "--glossary", clean + "/g.zh-en.tsv"])
    let seconds = Date().timeIntervalSince(start)
    #expect(reference.status == 0)
    let expected = try String(contentsOfFile: clean + "/g.zh-en.tsv", encoding: .utf8)
    // Killed (SIGKILL) at random moments of a run, each run starting from what the last one left.
    var generator = SystemRandomNumberGenerator()
    var moments: [Double] = []
    for _ in 0..<6 {
      let moment = Double.random(in: 0.02...1.1, using: &generator) * seconds
      moments.append(moment)
      let p = try TestSupport.start(["extract", "--corpus", killed, "--glossary", killed + "/g.zh-en.tsv"])
      Thread.sleep(forTimeInterval: moment)
      kill(p.pid, SIGKILL)
      _ = p.wait()
    }
    let finished = try TestSupport.run(["extract", "--corpus", killed, "--glossary", killed + "/g.zh-en.tsv"])
    #expect(finished.status == 0, "killed after \(moments) s: \(finished.stderr)")
    #expect(try String(contentsOfFile: killed + "/g.zh-en.tsv", encoding: .utf8) == expected, "killed after \(moments) s of \(seconds) s")
  }
}
