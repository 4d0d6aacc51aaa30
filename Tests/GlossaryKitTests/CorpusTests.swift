import Foundation
import Testing
@testable import GlossaryKit

/// A temporary folder removed at deinit.
final class TempFolder {
  let path: String
  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ relative: String, bytes: [UInt8]) throws -> String {
    let full = path + "/" + relative
    try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    return full
  }
}

@Suite struct CorpusTests {
  @Test func scanPairsNestedFilesAndReadsMetadata() throws {
    let dir = try TempFolder()
    try dir.write("calls/2020-04-03-xi-laos.zh.txt", "习近平同本扬通电话\n\n双方同意合作。\n")
    try dir.write("calls/2020-04-03-xi-laos.en.txt", "Xi Speaks with Bounnhang\n\nThe two sides agreed to cooperate.\n")
    try dir.write("calls/2020-04-03-xi-laos.meta", "kind: phone-call\nissuer: MFA\n")
    try dir.write("2014-11-08-talks.zh.txt", "会谈\n")
    try dir.write("2014-11-08-talks.en.txt", "Talks\n")
    try dir.write("README.md", "not a corpus file")
    let corpus = try Corpus.scan(dir.path)
    #expect(corpus.documents.map(\.id) == ["2014-11-08-talks", "2020-04-03-xi-laos"])
    let call = corpus.documents[1]
    #expect(call.collection == "calls")
    #expect(call.languages == ["en", "zh"])
    #expect(call.metadata["kind"] == "phone-call")
    #expect(call.date == ISODate("2020-04-03"))
    #expect(corpus.languagePair! == ("zh", "en"))
    #expect(corpus.problems.isEmpty)
  }

  @Test func checkReportsEveryKindOfBadFile() throws {
    let dir = try TempFolder()
    try dir.write("2020-01-01-good.zh.txt", "标题\n\n内容。\n")
    try dir.write("2020-01-01-good.en.txt", "Title\n\nText.\n")
    try dir.write("2020-02-30-bad-date.zh.txt", "标题\n")
    try dir.write("2021-05-01-alone.en.txt", "Alone\n")
    try dir.write("2021-01-01-english-twice.zh.txt", "Only English here\n")
    try dir.write("2021-01-01-english-twice.en.txt", "English\n")
    try dir.write("2021-06-01-binary.zh.txt", bytes: [0xE4, 0xB8, 0xAD, 0x00, 0x01])
    try dir.write("2021-06-01-binary.en.txt", "Text\n")
    try dir.write("2021-07-01-latin1.zh.txt", bytes: Array("标题\n".utf8) + [0x61, 0xE9, 0x0A])
    try dir.write("2021-07-01-latin1.en.txt", "Text\n")
    try dir.write("2021-08-01-empty.zh.txt", "")
    try dir.write("2021-08-01-empty.en.txt", "Text\n")
    try dir.write("no-date.zh.txt", "内容\n")
    try dir.write("2022-01-01-paragraphs.zh.txt", "标题\n\n一。\n\n二。\n")
    try dir.write("2022-01-01-paragraphs.en.txt", "Title\n\nOne.\n")
    let problems = try Corpus.scan(dir.path).check(today: ISODate("2026-11-30")!)
    func has(_ file: String, _ words: String, line: Int? = nil, _ severity: CorpusProblem.Severity = .error) -> Bool {
      problems.contains { $0.path.hasSuffix(file) && $0.message.contains(words) && $0.severity == severity && (line == nil || $0.line == line) }
    }
    #expect(has("2020-02-30-bad-date.zh.txt", "impossible date"))
    #expect(has("2021-05-01-alone.en.txt", "unpaired"))
    #expect(has("2021-01-01-english-twice.zh.txt", "declared zh but the text looks like en", line: 1))
    #expect(has("2021-06-01-binary.zh.txt", "NUL byte", line: 1))
    #expect(has("2021-07-01-latin1.zh.txt", "invalid UTF-8", line: 2))
    #expect(has("2021-08-01-empty.zh.txt", "empty file"))
    #expect(has("no-date.zh.txt", "no date", .warning))
    #expect(has("2022-01-01-paragraphs.en.txt", "paragraph counts differ", .warning) || has("2022-01-01-paragraphs.zh.txt", "paragraph counts differ", .warning))
    #expect(!problems.contains { $0.path.contains("2020-01-01-good") })
  }

  @Test func addWritesCanonicalNamesAndRefusesToOverwrite() throws {
    let dir = try TempFolder()
    let zh = try dir.write("in/a.txt", "\u{FEFF}标题\r\n\r\n内容。\r\n")
    let en = try dir.write("in/b.txt", "Title\n\nText.\n")
    let root = dir.path + "/corpus"
    let written = try Corpus.add(root: root, source: zh, target: en, sourceLanguage: nil, targetLanguage: nil,
                                 date: "2024-05-06", slug: "xi-macron", collection: "talks", metadata: ["kind": "talks"])
    #expect(written.map { ($0 as NSString).lastPathComponent } == ["2024-05-06-xi-macron.zh.txt", "2024-05-06-xi-macron.en.txt", "2024-05-06-xi-macron.meta"])
    #expect(try String(contentsOfFile: written[0], encoding: .utf8) == "标题\n\n内容。\n")  // BOM and CRLF gone
    #expect(throws: CorpusError.self) {
      try Corpus.add(root: root, source: zh, target: en, sourceLanguage: nil, targetLanguage: nil,
                     date: "2024-05-06", slug: "xi-macron", collection: "talks")
    }
    // Nothing is written when an input is bad.
    let bad = try dir.write("in/bad.txt", bytes: [0xFF])
    #expect(throws: TextError.self) {
      try Corpus.add(root: root, source: zh, target: bad, sourceLanguage: nil, targetLanguage: nil, date: "2024-05-07", slug: "x", collection: nil)
    }
    #expect(throws: CorpusError.self) {
      try Corpus.add(root: root, source: zh, target: en, sourceLanguage: nil, targetLanguage: nil, date: "2024-02-30", slug: "x", collection: nil)
    }
    #expect(throws: CorpusError.self) {
      try Corpus.add(root: root, source: en, target: en, sourceLanguage: nil, targetLanguage: nil, date: "2024-05-07", slug: "same", collection: nil)
    }
    #expect(!FileManager.default.fileExists(atPath: root + "/2024-05-07-x.zh.txt"))
  }
}
