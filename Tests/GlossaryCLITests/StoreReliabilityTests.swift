import Foundation
import GlossaryKit
import GlossaryTestSupport
import Testing

/// Issue 15's reproducers for the glossary store: no write the reader would refuse, files keep what they
/// are, nothing silently lost.
@Suite struct StoreReliabilityTests {
  static let small = "# top comment\nlanguages\tzh\ten\nconcept\tlang\tterm\tstatus\n# before c1\nc1\tzh\t甲\tpreferred\nc1\ten\tfirst\tpreferred\n# between\nc2\tzh\t乙\tpreferred\nc2\ten\tsecond\tpreferred\n# at the end\n"

  /// Each input that the reader would refuse once written is refused (exit 65, naming the input file and
  /// row), and the glossary stays as it was and readable by every command.
  @Test func everyWritePathRefusesWhatTheReaderWouldRefuse() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = try TestSupport.write(Self.small, to: "g.zh-en.tsv", in: dir)
    let before = try String(contentsOfFile: g, encoding: .utf8)
    let cases: [(String, String, String)] = [
      ("dates.csv", "zh,en,status,valid_from,valid_to\n丙,third,preferred,2020-01-01,2019-01-01\n", "dates.csv:2: valid_to 2019-01-01 is before valid_from 2020-01-01"),
      ("empty.csv", "zh,en,status\n,third,preferred\n", "empty.csv:2:"),
      ("nul.csv", "zh,en,status,note\n丙,third,preferred,a\u{0}b\n", "nul.csv:2:"),
      ("control.csv", "zh,en,status,note\n丙,third,preferred,a\u{7}b\n", "control.csv:2: note: contains the control character U+0007"),
      ("negative.json", Self.json(#""occurrences" : -1"#), "negative.json"),
      ("example.json", Self.json(#""examples" : [{"document" : "d1", "source" : "甲\t乙", "target" : "x"}]"#), "example.json"),
      ("tag.json", Self.json(#""tags" : ["a,b"]"#), "tag.json"),
    ]
    for (name, text, message) in cases {
      let input = try TestSupport.write(text, to: name, in: dir)
      let r = try TestSupport.run(["import", input, "--glossary", g])
      #expect(r.status == 65 && r.stderr.contains(message), "\(name): \(r.status) \(r.stderr)")
      #expect(try String(contentsOfFile: g, encoding: .utf8) == before, "\(name)")
    }
    // Spaces around a rendering are trimmed at the boundary; the glossary stays readable.
    let spaces = try TestSupport.write("zh,en,status\n丙, third ,preferred\n", to: "spaces.csv", in: dir)
    #expect(try TestSupport.run(["import", spaces, "--glossary", g]).status == 0)
    let l = try TestSupport.run(["lookup", "丙", "--glossary", g])
    #expect(l.status == 0 && l.stdout.contains("preferred  third\n"))
    // add and edit refuse control characters too.
    let add = try TestSupport.run(["add", "丁", "fourth\u{1}", "--glossary", g])
    #expect(add.status == 65, "\(add.stderr)")
    let edit = try TestSupport.run(["edit", "甲", "first", "--note", "a\u{1}b", "--glossary", g])
    #expect(edit.status == 65, "\(edit.stderr)")
    #expect(try TestSupport.run(["export", "--glossary", g]).status == 0)
  }

  /// A review sheet with a control character (or a NUL byte) in a note is refused at the sheet's line.
  @Test func sheetsWithControlCharactersAreRefusedAtTheirLine() throws {
    let path = try ReviewSessionTests.make()
    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let candidate = try #require(try GlossaryStore.load(path: path).entries.first { $0.status == .candidate })
    let before = try GlossaryStore.load(path: path)
    for (name, note, message) in [("bell.csv", "a\u{7}b", "bell.csv:2: note: contains the control character U+0007"), ("nul.csv", "a\u{0}b", "nul.csv:2:")] {
      let sheet = try TestSupport.write("source,target,decision,note\n\"\(candidate.source)\",\"\(candidate.target)\",accept,\(note)\n", to: name, in: dir)
      let r = try TestSupport.run(["review", "--glossary", path, "--apply-sheet", sheet], environment: ReviewSheetTests.env)
      #expect(r.status == 65 && r.stderr.contains(message), "\(name): \(r.status) \(r.stderr)")
      #expect(try GlossaryStore.load(path: path).entries == before.entries)
    }
  }

  static func json(_ field: String) -> String {
    """
    {"format" : "glossary-json-1", "languages" : ["zh", "en"], "entries" : [
      {"concept" : "k1", "source" : "丙", "target" : "third", "status" : "preferred", \(field)}
    ]}
    """
  }

  /// A term starting with '#' is a term, not a comment: it survives the next write and lookup finds it;
  /// comments stay before the concept they stood before.
  @Test func hashTermsSurviveAndCommentsStayWhereTheyStand() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = try TestSupport.write(Self.small, to: "g.zh-en.tsv", in: dir)
    #expect(try TestSupport.run(["add", "#话题", "hashtag", "--glossary", g]).status == 0)
    #expect(try TestSupport.run(["add", "戊", "fifth", "--glossary", g]).status == 0)
    let l = try TestSupport.run(["lookup", "#话题", "--glossary", g])
    #expect(l.status == 0 && l.stdout.contains("hashtag"))
    let text = try String(contentsOfFile: g, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "# top comment" && lines.last == "# at the end")
    #expect(lines[lines.firstIndex(of: "# before c1")! + 1] == "c1\tzh\t甲\tpreferred" + String(repeating: "\t", count: 15))
    #expect(lines[lines.firstIndex(of: "# between")! + 1].hasPrefix("c2\tzh\t乙\t"))
  }

  /// Writes go through a symbolic link to its target (the link stays a link), keep the file's mode, and
  /// remove temp files of writers that died; a FIFO is refused at once, never waited on.
  @Test func filesKeepWhatTheyAre() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir + "/team", withIntermediateDirectories: true)
    let real = try TestSupport.write(Self.small, to: "team/shared.zh-en.tsv", in: dir)
    chmod(real, 0o600)
    let link = dir + "/mine.zh-en.tsv"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "team/shared.zh-en.tsv")
    // A temp file of a writer that is gone, and one of a live process (this one): only the first goes.
    let dead = try deadProcessID()
    let stale = try TestSupport.write("half", to: "team/.shared.zh-en.tsv.tmp-\(dead)-12345", in: dir)
    let live = try TestSupport.write("busy", to: "team/.shared.zh-en.tsv.tmp-\(getpid())-1", in: dir)
    #expect(try TestSupport.run(["add", "丙", "third", "--glossary", link]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "team/shared.zh-en.tsv")
    #expect(try String(contentsOfFile: real, encoding: .utf8).contains("\t丙\t"))
    #expect((try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: stale) && FileManager.default.fileExists(atPath: live))
    // A FIFO as glossary: refused without blocking, for reading and writing.
    let fifo = dir + "/pipe.zh-en.tsv"
    #expect(mkfifo(fifo, 0o644) == 0)
    let start = Date()
    for args in [["lookup", "甲"], ["add", "丁", "fourth"], ["export"]] {
      let r = try TestSupport.run(args + ["--glossary", fifo])
      #expect(r.status == 66 && r.stderr.contains("not a regular file"), "\(args): \(r.status) \(r.stderr)")
    }
    #expect(Date().timeIntervalSince(start) < 30)
  }

  /// The id of a process that has exited.
  func deadProcessID() throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/true")
    try p.run()
    p.waitUntilExit()
    return p.processIdentifier
  }
}
