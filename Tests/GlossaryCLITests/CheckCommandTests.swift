import Foundation
import GlossaryTestSupport
import Testing

/// `glossary check` end to end, on the planted-error pairs of GlossaryKitTests/Fixtures/check.
@Suite struct CheckCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../GlossaryKitTests/Fixtures/check").standardized.path
  static let glossary = fixtures + "/check.zh-en.tsv"

  static func check(_ args: [String]) throws -> CommandResult {
    try TestSupport.run(["check", "--glossary", glossary] + args)
  }

  @Test func cleanPairExitsZero() throws {
    let r = try Self.check([Self.fixtures + "/2018-03-01-clean.zh.txt", Self.fixtures + "/2018-03-01-clean.en.txt"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("4 terms checked, 0 errors, 0 warnings"))
  }

  @Test func findingsExitOneWithBothLocationsAndMarks() throws {
    let r = try Self.check([Self.fixtures + "/2018-06-01-errors.zh.txt", Self.fixtures + "/2018-06-01-errors.en.txt"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("2018-06-01-errors.zh.txt:5:1: error [deprecated] 中国共产党: \"the Chinese Communist Party\" is deprecated"))
    #expect(r.stdout.contains("-> \(Self.fixtures)/2018-06-01-errors.en.txt:5:1"))
    #expect(r.stdout.contains("zh: [[中国共产党]]高度重视两党关系。"))
    #expect(r.stdout.contains("en: [[The Chinese Communist Party]] attaches"))
    #expect(!r.stdout.contains("\u{1B}["))  // no colour when not a terminal
  }

  @Test func dateOptionOverridesFileName() throws {
    let pair = [Self.fixtures + "/2014-06-01-dated.zh.txt", Self.fixtures + "/2014-06-01-dated.en.txt"]
    let early = try Self.check(pair + ["--format", "tsv"])
    #expect(!early.stdout.contains("One Belt, One Road\" is superseded"))
    let late = try Self.check(pair + ["--format", "tsv", "--date", "2018-01-01"])
    #expect(late.stdout.contains("\"One Belt, One Road\" is superseded since 2016-01-01"))
  }

  @Test func jsonForPipelines() throws {
    let r = try Self.check([
      Self.fixtures + "/2018-06-01-errors.zh.txt", Self.fixtures + "/2018-06-01-errors.en.txt", "--format", "json", "--reverse",
    ])
    #expect(r.status == 1)
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let summary = json?["summary"] as? [String: Any]
    #expect(summary?["byKind"] as? [String: Int] == ["deprecated": 3, "missing": 2, "inconsistent": 1, "reverse": 1])
    let pairs = json?["pairs"] as? [[String: Any]]
    let first = (pairs?.first?["findings"] as? [[String: Any]])?.first
    #expect(first?["kind"] as? String == "deprecated")
    #expect((first?["target"] as? [String: Any])?["line"] as? Int == 1)
  }

  @Test func corpusChecksEveryPair() throws {
    let r = try Self.check(["--corpus", Self.fixtures, "--format", "tsv"])
    #expect(r.status == 1)
    let rows = r.stdout.split(separator: "\n").dropFirst()
    #expect(Set(rows.map { $0.split(separator: "\t")[0] }) == ["deprecated", "missing", "inconsistent"])
    #expect(!r.stdout.contains("clean.zh.txt"))
  }

  @Test func errorsExitTwo() throws {
    let r = try Self.check([Self.fixtures + "/nope.zh.txt", Self.fixtures + "/2018-03-01-clean.en.txt"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("nope.zh.txt"))
  }
}
