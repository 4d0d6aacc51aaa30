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
    // info findings (2 missing, 1 reverse) only with --verbose.
    #expect(summary?["byKind"] as? [String: Int] == ["deprecated": 3, "inconsistent": 1])
    #expect(summary?["errors"] as? Int == 3)
    #expect(summary?["warnings"] as? Int == 1)
    let pairs = json?["pairs"] as? [[String: Any]]
    let first = (pairs?.first?["findings"] as? [[String: Any]])?.first
    #expect(first?["kind"] as? String == "deprecated")
    #expect((first?["target"] as? [String: Any])?["line"] as? Int == 1)
  }

  @Test func corpusChecksEveryPair() throws {
    let r = try Self.check(["--corpus", Self.fixtures, "--format", "tsv"])
    #expect(r.status == 1)
    let rows = r.stdout.split(separator: "\n").dropFirst()
    #expect(Set(rows.map { $0.split(separator: "\t")[0] }) == ["deprecated", "inconsistent", "forbidden"])
    #expect(Set(rows.map { $0.split(separator: "\t")[1] }) == ["error", "warning"])
    #expect(!r.stdout.contains("clean.zh.txt"))
  }

  @Test func missingFileExits66() throws {
    let r = try Self.check([Self.fixtures + "/nope.zh.txt", Self.fixtures + "/2018-03-01-clean.en.txt"])
    #expect(r.status == 66)
    #expect(r.stderr.contains("nope.zh.txt"))
    #expect(r.stdout.isEmpty)
  }

  @Test func verboseShowsInfoAndTextLeadsWithErrors() throws {
    let pair = [Self.fixtures + "/2018-06-01-errors.zh.txt", Self.fixtures + "/2018-06-01-errors.en.txt"]
    let quiet = try Self.check(pair)
    #expect(!quiet.stdout.contains(" info [missing]"))
    #expect(quiet.stdout.contains("8 terms checked, 3 errors, 1 warning\n"))
    let r = try Self.check(pair + ["--verbose"])
    #expect(r.status == 1)
    let order = r.stdout.split(separator: "\n").compactMap { l -> String? in
      l.contains(": error [") ? "e" : l.contains(": warning [") ? "w" : l.contains(": info [") ? "i" : nil
    }
    #expect(order.joined() == "eeewii")
    // Each error says what to use.
    #expect(r.stdout.contains("en: [[The Chinese Communist Party]] attaches great importance to relations between the two parties.\n    use: the Communist Party of China\n"))
    #expect(r.stdout.contains("3 errors, 1 warning, 2 info"))
  }

  @Test func warningsAloneExitZeroUnlessAsked() throws {
    let dir = try TestSupport.temporaryDirectory()
    let zh = try TestSupport.write("双方将拓展务实合作。\n", to: "2020-01-01-a.zh.txt", in: dir)
    let en = try TestSupport.write("The two sides will expand pragmatic cooperation.\n", to: "2020-01-01-a.en.txt", in: dir)
    let r = try Self.check([zh, en, "--status", "preferred"])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(r.stdout.contains("warning [missing] 务实合作: \"pragmatic cooperation\" is admitted, not enforced"))
    let strict = try Self.check([zh, en, "--status", "preferred", "--fail-on-warnings"])
    #expect(strict.status == 1)
  }

  @Test func swappedOrMislabelledFilesExit65NamingTheFile() throws {
    let zh = Self.fixtures + "/2018-03-01-clean.zh.txt", en = Self.fixtures + "/2018-03-01-clean.en.txt"
    let swapped = try Self.check([en, zh])
    #expect(swapped.status == 65)
    #expect(swapped.stderr.contains("2018-03-01-clean.en.txt"))
    #expect(swapped.stdout.isEmpty)
    // English text in a file named .zh.txt.
    let dir = try TestSupport.temporaryDirectory()
    let fake = try TestSupport.write(try String(contentsOfFile: en, encoding: .utf8), to: "2018-03-01-clean.zh.txt", in: dir)
    let mislabelled = try Self.check([fake, en])
    #expect(mislabelled.status == 65)
    #expect(mislabelled.stderr.contains("\(fake): expected a zh text"))
    #expect(mislabelled.stderr.contains("it looks like en"))
    // Files without languages in their names: the glossary's languages are declared.
    let a = try TestSupport.write(try String(contentsOfFile: zh, encoding: .utf8), to: "a.txt", in: dir)
    let b = try TestSupport.write(try String(contentsOfFile: en, encoding: .utf8), to: "b.txt", in: dir)
    let reversed = try Self.check([b, a, "--date", "2018-03-01"])
    #expect(reversed.status == 65)
    #expect(reversed.stderr.contains("b.txt: expected a zh text"))
    #expect(try Self.check([a, b, "--date", "2018-03-01"]).status == 0)
  }

  @Test func frenchTextDeclaredEnglishExits65() throws {
    let zh = Self.fixtures + "/2018-03-01-clean.zh.txt"
    let dir = try TestSupport.temporaryDirectory()
    let french = """
      Le ministre des Affaires étrangères a rencontré son homologue à Pékin. Les deux parties ont eu un échange \
      de vues approfondi sur les relations bilatérales et les questions internationales d'intérêt commun. Il a \
      souligné que la Chine est prête à travailler avec ses partenaires pour renforcer la coopération.

      """
    let fr = try TestSupport.write(french, to: "2018-03-01-clean.en.txt", in: dir)
    let r = try Self.check([zh, fr])
    #expect(r.status == 65)
    #expect(r.stderr.contains("\(fr): expected a en text"), "\(r.stderr)")
    #expect(r.stderr.contains("the text is not en: only 4% of its first 49 words are English function words"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func dateComesFromMetaWhenTheFileNameHasNone() throws {
    let dir = try TestSupport.temporaryDirectory()
    let zh = try TestSupport.write("双方欢迎“一带一路”倡议。\n", to: "release.zh.txt", in: dir)
    let en = try TestSupport.write("The two sides welcomed the \"One Belt, One Road\" initiative.\n", to: "release.en.txt", in: dir)
    try TestSupport.write("kind: talks\ndate: 2015-06-01\n", to: "release.meta", in: dir)
    let r = try Self.check([zh, en])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("(2015-06-01): 1 term checked, 0 errors"))
    try TestSupport.write("date: 2018-06-01\n", to: "release.meta", in: dir)
    #expect(try Self.check([zh, en]).status == 1)
  }
}
