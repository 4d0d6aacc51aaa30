import Foundation
import GlossaryTestSupport
import Testing

/// `glossary normalize` and `glossary segment`, and how bad input is reported.
@Suite struct TextCommandTests {
  @Test func helpVersionAndUsageGoThroughTheArgumentParser() throws {
    let root = try TestSupport.run(["--help"])
    #expect(root.status == 0 && root.stdout.contains("OVERVIEW: Mine, review and serve bilingual glossaries"))
    let sub = try TestSupport.run(["add", "--help"])
    #expect(sub.status == 0 && sub.stdout.contains("OVERVIEW: Add a rendering"))
    #expect(try TestSupport.run(["help", "lookup"]).status == 0)
    let version = try TestSupport.run(["--version"])
    #expect(version.status == 0 && version.stdout.hasPrefix("glossary "))
    let usage = try TestSupport.run(["lookup", "--no-such-option"])
    #expect(usage.status == 64 && usage.stderr.contains("Unknown option"))
  }

  @Test func normalizeKeysAreEqualForVariants() throws {
    let r = try TestSupport.run(["normalize", "--key"], stdin: "國家主席習近平\n国家主席习近平\nＣＯＶＩＤ－１９\ncovid-19\n")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == lines[1] && lines[2] == lines[3] && lines[0] != lines[2])
    #expect(try TestSupport.run(["normalize", "--pinyin"], stdin: "习近平\nXi Jinping\n").stdout == "xijinping\nxijinping\n")
    #expect(try TestSupport.run(["normalize", "--display"], stdin: "\u{FEFF}ＡＢ\r\ne\u{301}\r\n").stdout == "ＡＢ\né\n")
  }

  @Test func segmentSentencesOfBothLanguages() throws {
    let zh = "中方支持双方在经贸、投资、人文等领域合作；双方签署了《中老联合声明》。“中方坚定支持老方。”王毅说。这是好事吗？是的！\n"
    let r = try TestSupport.run(["segment", "--sentences"], stdin: zh)
    #expect(r.stdout == "中方支持双方在经贸、投资、人文等领域合作；双方签署了《中老联合声明》。\n“中方坚定支持老方。”王毅说。\n这是好事吗？\n是的！\n")
    let en = "Mr. Wang met Dr. Smith at the U.N. headquarters. He then called the U.S. President. Both sides agreed.\n"
    #expect(try TestSupport.run(["segment", "--sentences", "--lang", "en"], stdin: en).stdout
      == "Mr. Wang met Dr. Smith at the U.N. headquarters.\nHe then called the U.S. President.\nBoth sides agreed.\n")
  }

  @Test func segmentWordsMergesLexiconTermsAndGivesJSONOffsets() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lexicon = try TestSupport.write("構建 构建 [gou4 jian4] /to build/\n習近平 习近平 [Xi2 Jin4 ping2] /Xi Jinping/\n", to: "lex.txt", in: dir)
    let r = try TestSupport.run(["segment", "--words", "--lexicon", lexicon], stdin: "习近平强调构建。\n")
    #expect(r.stdout == "习近平\n强调\n构建\n。\n\n")
    let json = try TestSupport.run(["segment", "--words", "--format", "json", "--lang", "zh"], stdin: "标题\n\n第一句。\n")
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
    #expect(parsed.count == 2)
    #expect(parsed[1]["line"] as? Int == 3 && parsed[1]["start"] as? Int == 4)
    let tokens = parsed[1]["tokens"] as! [[String: Any]]
    #expect(tokens.last?["kind"] as? String == "punctuation")
  }

  @Test func segmentWordsByLatticeWithGlossaryTermsOrByICU() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lexicon = try TestSupport.write("老友 老友 [lao3 you3] /old friend/\n", to: "lex.txt", in: dir)
    let glossary = try TestSupport.write("zh\ten\tstatus\n中老\tChina-Laos\tpreferred\n", to: "g.zh-en.tsv", in: dir)
    let env = ["GLOSSARY_CACHE_DIR": dir + "/cache"]
    func run(_ args: [String]) throws -> String {
      try TestSupport.run(["segment", "--words", "--lang", "zh"] + args, stdin: "中老友谊\n", environment: env).stdout
    }
    #expect(try run(["--lexicon", lexicon, "--no-lattice"]) == "中\n老友\n谊\n\n")
    #expect(try run(["--lexicon", lexicon]) == "中\n老\n友谊\n\n")
    #expect(try run(["--lexicon", lexicon, "--glossary", glossary]) == "中老\n友谊\n\n")
    let missing = try TestSupport.run(["segment", "--words", "--glossary", dir + "/none.tsv"], stdin: "中\n", environment: env)
    #expect(missing.status == 66)
  }

  @Test func badInputNamesFileLineAndColumnWithExitCodes() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let bad = dir + "/bad.txt"
    _ = FileManager.default.createFile(atPath: bad, contents: Data(Array("第一行\nab".utf8) + [0xFF]))
    let r = try TestSupport.run(["segment", bad])
    #expect(r.status == 65 && r.stderr.contains("bad.txt:2:3: invalid UTF-8") && r.stdout.isEmpty)
    let binary = dir + "/bin.txt"
    _ = FileManager.default.createFile(atPath: binary, contents: Data([0x61, 0x00, 0x62]))
    let b = try TestSupport.run(["normalize", binary])
    #expect(b.status == 65 && b.stderr.contains("bin.txt:1:2: NUL byte"))
    let missing = try TestSupport.run(["segment", dir + "/nope.txt"])
    #expect(missing.status == 66 && missing.stderr.contains("nope.txt: no such file"))
    let lang = try TestSupport.run(["segment", "--lang", "xx"], stdin: "text\n")
    #expect(lang.status == 64 && lang.stderr.contains("unknown language 'xx'"))
    let usage = try TestSupport.run(["segment", "--sentences", "--words"], stdin: "")
    #expect(usage.status == 64)
  }
}
