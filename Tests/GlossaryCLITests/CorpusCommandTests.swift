import Foundation
import GlossaryKit
import GlossaryTestSupport
import Testing

/// `glossary corpus`, `extract`, `history` and `stats` on small corpora written here.
@Suite struct CorpusCommandTests {
  /// Four dated releases: "One Belt, One Road" until 2015, "the Belt and Road Initiative" after.
  func writeCorpus(in dir: String) throws -> String {
    let corpus = dir + "/corpus"
    let docs: [(String, String, String)] = [
      ("2014-11-08-talks-a", "会谈\n\n双方同意推进“一带一路”建设，深化务实合作。\n\n双方同意加强人文交流。\n",
       "Talks\n\nThe two sides agreed to advance the \"One Belt, One Road\" initiative and deepen practical cooperation.\n\nThe two sides agreed to strengthen people-to-people and cultural exchanges.\n"),
      ("2015-06-18-call-b", "通话\n\n中方愿同各方推进“一带一路”建设，深化务实合作。\n",
       "Phone call\n\nChina is ready to advance the \"One Belt, One Road\" initiative with all parties and deepen practical cooperation.\n"),
      ("2017-05-14-talks-c", "会谈\n\n双方同意共建“一带一路”倡议，深化务实合作。\n\n双方同意加强人文交流。\n",
       "Talks\n\nThe two sides agreed to jointly pursue the Belt and Road Initiative and deepen practical cooperation.\n\nThe two sides agreed to strengthen people-to-people and cultural exchanges.\n"),
      ("2019-04-30-talks-d", "会谈\n\n中方愿同老方推进“一带一路”倡议，深化务实合作。\n",
       "Talks\n\nChina is ready to advance the Belt and Road Initiative with Laos and deepen practical cooperation.\n"),
      ("2021-01-01-call-e", "通话\n\n双方同意推进“一带一路”倡议。\n", "Phone call\n\nThe two sides agreed to advance the Belt and Road Initiative.\n"),
    ]
    try FileManager.default.createDirectory(atPath: corpus + "/talks", withIntermediateDirectories: true)
    for (stem, zh, en) in docs {
      _ = try TestSupport.write(zh, to: "corpus/talks/\(stem).zh.txt", in: dir)
      _ = try TestSupport.write(en, to: "corpus/talks/\(stem).en.txt", in: dir)
    }
    return corpus
  }

  let glossary = """
    zh\ten\tstatus\tvalid_from\tvalid_to\treplaced_by\ttags\tnote\tscore\toccurrences\tseen_in\texamples\treviewer\treviewed
    一带一路\tthe Belt and Road Initiative\tpreferred\t2016-01-01\t\t\tinitiative\t\t\t\t\t\t\t
    一带一路\tOne Belt, One Road\tsuperseded\t2013-09-07\t2015-12-31\tthe Belt and Road Initiative\tinitiative\t\t\t\t\t\t\t
    高层交往\thigh-level contacts\trejected\t\t\t\t\t\t\t\t\t\t\t

    """

  @Test func corpusListAndCheck() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let corpus = try writeCorpus(in: dir)
    let list = try TestSupport.run(["corpus", "list", "--corpus", corpus])
    #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 5)
    #expect(list.stdout.hasPrefix("2014-11-08\ten,zh\ttalks\ttalks-a"))
    #expect(try TestSupport.run(["corpus", "check", "--corpus", corpus]).status == 0)
    _ = try TestSupport.write("Only English\n", to: "corpus/talks/2022-02-30-bad.zh.txt", in: dir)
    let bad = try TestSupport.run(["corpus", "check", "--corpus", corpus])
    #expect(bad.status == 65 && bad.stdout.contains("2022-02-30-bad.zh.txt: error: impossible date"))
    let added = try TestSupport.run(["corpus", "add", corpus + "/talks/2021-01-01-call-e.zh.txt", corpus + "/talks/2021-01-01-call-e.en.txt",
                                     "--corpus", corpus, "--date", "2021-01-02", "--slug", "copy", "--collection", "calls"])
    #expect(added.status == 0 && FileManager.default.fileExists(atPath: corpus + "/calls/2021-01-02-copy.en.txt"))
    let again = try TestSupport.run(["corpus", "add", corpus + "/talks/2021-01-01-call-e.zh.txt", corpus + "/talks/2021-01-01-call-e.en.txt",
                                     "--corpus", corpus, "--date", "2021-01-02", "--slug", "copy", "--collection", "calls"])
    #expect(again.status == 73 && again.stderr.contains("already exists"))
  }

  @Test func extractRecordsEvidenceIsIdempotentAndHistoryShowsTheSwitch() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let corpus = try writeCorpus(in: dir)
    let g = try TestSupport.write(glossary, to: "g.zh-en.tsv", in: dir)
    let first = try TestSupport.run(["extract", "--corpus", corpus, "--glossary", g])
    #expect(first.status == 0 && first.stdout.contains("5 documents"))
    let text = try String(contentsOfFile: g, encoding: .utf8)
    // Curated rows keep their status and get evidence; new renderings are candidates.
    let bri = try GlossaryStore.load(path: g).entries.first { $0.source == "一带一路" && $0.target == "the Belt and Road Initiative" }
    #expect(bri?.status == .preferred && bri?.validFrom == ISODate("2016-01-01"))
    #expect(text.contains("2017-05-14-talks-c,2019-04-30-talks-d,2021-01-01-call-e"))
    #expect(text.contains("\tcandidate\t"))
    #expect(!text.contains("high-level contacts\tcandidate"))
    // Unchanged corpus, unchanged glossary.
    #expect(try TestSupport.run(["extract", "--corpus", corpus, "--glossary", g]).stdout.contains("0 new, 0 updated"))
    #expect(try String(contentsOfFile: g, encoding: .utf8) == text)

    let history = try TestSupport.run(["history", "一帶一路", "--glossary", g])
    #expect(history.status == 0)
    #expect(history.stdout.contains("Switch: \"One Belt, One Road\" -> \"the Belt and Road Initiative\" (last old 2015-06-18, first new 2017-05-14)"))
    let json = try TestSupport.run(["history", "the belt and road initiative", "--glossary", g, "--json"])
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    #expect(parsed["source"] as? String == "一带一路")
    #expect((parsed["switches"] as? [[String: Any]])?.count == 1)
    let svg = try TestSupport.run(["history", "一带一路", "--glossary", g, "--format", "svg"])
    #expect(svg.stdout.hasPrefix("<svg"))
    #expect(try TestSupport.run(["history", "不存在的术语", "--glossary", g]).status == 1)

    let stats = try TestSupport.run(["stats", "--corpus", corpus, "--glossary", g])
    #expect(stats.stdout.contains("5 documents (5 paired)") && stats.stdout.contains("by status: preferred 1"))
  }

  @Test func extractDryRunWritesNothingAndReportsBadCorpora() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let corpus = try writeCorpus(in: dir)
    let g = dir + "/new.zh-en.tsv"
    let dry = try TestSupport.run(["extract", "--corpus", corpus, "--glossary", g, "--dry-run", "--format", "json"])
    #expect(dry.status == 0 && !FileManager.default.fileExists(atPath: g))
    let terms = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as! [[String: Any]]
    #expect(terms.contains { ($0["source"] as? String) == "深化务实合作" })
    let empty = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let none = try TestSupport.run(["extract", "--corpus", empty, "--glossary", g])
    #expect(none.status == 65 && none.stderr.contains("no paired documents"))
    #expect(try TestSupport.run(["extract", "--corpus", dir + "/missing", "--glossary", g]).status == 66)
  }
}
