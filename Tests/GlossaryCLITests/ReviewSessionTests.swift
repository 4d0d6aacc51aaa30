import Foundation
import GlossaryKit
import GlossaryTestSupport
import Testing

/// End-to-end tests of `glossary review` on a pseudo-terminal: every step
/// checks the glossary file on disk (issue 6).
@Suite(.serialized)
struct ReviewSessionTests {
  static let header = "zh\ten\tstatus\tvalid_from\tvalid_to\treplaced_by\ttags\tnote\tscore\toccurrences\tseen_in\texamples\treviewer\treviewed"

  /// Three concepts by score: 人类命运共同体 (0.91, two renderings), 一带一路 (0.88, two), 双边关系 (0.7, one).
  static let fixture = """
    # review fixture
    \(header)
    一带一路\tthe Belt and Road Initiative\tcandidate\t\t\t\t\t\t0.88\t30\t2016-01-01-a,2018-01-01-b\t2018-01-01-b\\t共建“一带一路”倡议。\\tJointly pursue the Belt and Road Initiative.\t\t
    一带一路\tOne Belt, One Road\tcandidate\t\t\t\t\t\t0.4\t3\t2014-05-01-c\t\t\t
    人类命运共同体\ta community with a shared future for mankind\tcandidate\t\t\t\t\t\t0.91\t14\t2017-01-18-geneva,2019-03-02-talks\t2017-01-18-geneva\\t我们要构建人類命運共同體。\\tWe should build A Community with a Shared Future for Mankind.\t\t
    人类命运共同体\ta community of shared future for mankind\tcandidate\t\t\t\t\t\t0.55\t5\t2015-09-28-un\t\t\t
    双边关系\tbilateral relations\tcandidate\t\t\t\t\t\t0.7\t9\t2020-01-01-d\t\t\t
    命运共同体\tcommunity with a shared future\tpreferred\t\t\t\t\t\t\t\t\t\tterminology-team\t2026-11-30

    """

  static let env = ["GLOSSARY_TODAY": "2026-11-30", "USER": "tester"]

  static func make() throws -> String {
    let dir = try TestSupport.temporaryDirectory("review-cli")
    return try TestSupport.write(fixture, to: "g.zh-en.tsv", in: dir)
  }

  static func rows(_ path: String) throws -> [GlossaryEntry] { try GlossaryStore.load(path: path).entries }

  static func status(_ path: String, _ source: String, _ target: String) throws -> TermStatus? {
    try rows(path).first { $0.source == source && $0.target == target }?.status
  }

  @Test func acceptEditRejectUndoQuitResume() throws {
    let path = try Self.make()
    let t = try PseudoTerminal(["review", "--glossary", path], environment: Self.env)
    let first = try t.waitFor("1 of 3")
    _ = first
    try t.waitFor("> ")
    // Evidence highlighted on both sides (underline without colour), found through match keys.
    #expect(t.rawOutput.contains("\u{1B}[4m人類命運共同體\u{1B}[24m"))
    #expect(t.rawOutput.contains("\u{1B}[4mA Community with a Shared Future for Mankind\u{1B}[24m"))
    #expect(!t.rawOutput.contains("\u{1B}[3"))  // NO_COLOR: no colour codes
    #expect(t.output.contains("命运共同体 → community with a shared future"))  // related entry

    t.send("a")
    try t.waitFor("2 of 3")
    #expect(try Self.status(path, "人类命运共同体", "a community with a shared future for mankind") == .preferred)
    #expect(try Self.status(path, "人类命运共同体", "a community of shared future for mankind") == .rejected)
    let accepted = try Self.rows(path).first { $0.target == "a community with a shared future for mankind" }!
    #expect(accepted.reviewer == "tester" && accepted.reviewed == ISODate("2026-11-30"))

    try t.waitFor("> ")
    t.send("e")
    try t.waitFor("rendering: ")
    t.send(.home)
    for _ in 0..<4 { t.send(.delete) }
    t.send(.end)
    t.send(" (BRI)")
    t.send(.left)
    t.send(.backspace)
    t.send("I")
    t.send(.enter)
    try t.waitFor("3 of 3")
    #expect(try Self.status(path, "一带一路", "Belt and Road Initiative (BRI)") == .preferred)
    #expect(try Self.status(path, "一带一路", "the Belt and Road Initiative") == .rejected)
    #expect(try Self.status(path, "一带一路", "One Belt, One Road") == .rejected)

    try t.waitFor("> ")
    t.send("r")
    try t.waitFor("Nothing left to review.")
    #expect(try Self.status(path, "双边关系", "bilateral relations") == .rejected)

    t.send("u")
    try t.waitFor("undone: rejected")
    #expect(try Self.status(path, "双边关系", "bilateral relations") == .candidate)
    try t.waitFor("> ")
    t.send("q")
    #expect(try t.waitForExit() == 0)
    #expect(t.output.contains("1 concept left"))
    // The terminal was restored: the alternate screen was left.
    #expect(t.rawOutput.contains("\u{1B}[?1049l"))

    // Resume: only the undone concept is left.
    let again = try PseudoTerminal(["review", "--glossary", path], environment: Self.env)
    try again.waitFor("1 of 1")
    #expect(again.output.contains("双边关系"))
    try again.waitFor("> ")
    again.send(.interrupt)
    #expect(try again.waitForExit() == 0)
    #expect(try Self.status(path, "双边关系", "bilateral relations") == .candidate)
  }

  @Test func editCancelAndPickAlternative() throws {
    let path = try Self.make()
    let t = try PseudoTerminal(["review", "--glossary", path, "--sort", "frequency"], environment: Self.env)
    try t.waitFor("一带一路")  // most documents first
    try t.waitFor("> ")
    t.send("e")
    try t.waitFor("rendering: ")
    t.send("xyz")
    t.send(.escape)
    try t.waitFor("edit cancelled")
    #expect(try Self.status(path, "一带一路", "the Belt and Road Initiative") == .candidate)
    try t.waitFor("> ")
    t.send("2")
    try t.waitFor("saved: accepted")
    #expect(try Self.status(path, "一带一路", "One Belt, One Road") == .preferred)
    #expect(try Self.status(path, "一带一路", "the Belt and Road Initiative") == .rejected)
    try t.waitFor("> ")
    t.send("q")
    #expect(try t.waitForExit() == 0)
  }

  @Test func noteVariantDeprecateAndHelp() throws {
    let path = try Self.make()
    let t = try PseudoTerminal(["review", "--glossary", path, "--filter", "belt"], environment: Self.env)
    try t.waitFor("1 of 1")
    try t.waitFor("> ")
    t.send("?")
    try t.waitFor("press any key")
    t.send(" ")
    try t.waitFor("> ")
    t.send("n")
    try t.waitFor("note: ")
    t.send("Singular.")
    t.send(.enter)
    try t.waitFor("saved: note")
    #expect(try Self.rows(path).first { $0.target == "the Belt and Road Initiative" }?.note == "Singular.")
    try t.waitFor("> ")
    t.send("v")
    try t.waitFor("saved: admitted variant")
    #expect(try Self.status(path, "一带一路", "the Belt and Road Initiative") == .admitted)
    try t.waitFor("> ")
    t.send("d")
    try t.waitFor("replaced by: ")
    t.send("the Belt and Road Initiative")
    t.send(.enter)
    try t.waitFor("Nothing left to review.")
    let old = try Self.rows(path).first { $0.target == "One Belt, One Road" }
    #expect(old?.status == .deprecated && old?.replacedBy == "the Belt and Road Initiative")
    t.send("q")
    #expect(try t.waitForExit() == 0)
    #expect(t.output.contains("variants 1, deprecated 1"))
  }

  @Test func killedInTheMiddleLosesOnlyTheDecisionBeingTyped() throws {
    let path = try Self.make()
    let t = try PseudoTerminal(["review", "--glossary", path], environment: Self.env)
    try t.waitFor("1 of 3")
    try t.waitFor("> ")
    t.send("a")
    try t.waitFor("2 of 3")
    try t.waitFor("> ")
    t.send("e")
    try t.waitFor("rendering: ")
    t.send(" typed but not confirmed")
    Thread.sleep(forTimeInterval: 0.2)
    t.kill(SIGKILL)
    _ = try t.waitForExit()
    // The file is whole and valid, the first decision is there, the second is not.
    #expect(try Self.status(path, "人类命运共同体", "a community with a shared future for mankind") == .preferred)
    #expect(try Self.status(path, "一带一路", "the Belt and Road Initiative") == .candidate)
    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp") }
    #expect(leftovers.isEmpty)

    let again = try PseudoTerminal(["review", "--glossary", path], environment: Self.env)
    try again.waitFor("1 of 2")
    #expect(again.output.contains("the Belt and Road Initiative"))
    try again.waitFor("> ")
    again.send("q")
    #expect(try again.waitForExit() == 0)
  }

  @Test func aDecisionWaitingForTheLockIsNotLost() throws {
    let path = try Self.make()
    var env = Self.env
    env["GLOSSARY_LOCK_TIMEOUT"] = "0.3"
    let t = try PseudoTerminal(["review", "--glossary", path], environment: env)
    try t.waitFor("> ")
    let lock = try FileLock(path: GlossaryStore.lockPath(for: path), timeout: 5, lockedPath: path)
    t.send("a")
    try t.waitFor("not saved:")
    #expect(try Self.status(path, "人类命运共同体", "a community with a shared future for mankind") == .candidate)
    lock.unlock()
    try t.waitFor("> ")
    t.send("a")
    try t.waitFor("2 of 3")
    #expect(try Self.status(path, "人类命运共同体", "a community with a shared future for mankind") == .preferred)
    try t.waitFor("> ")
    t.send("q")
    #expect(try t.waitForExit() == 0)
  }

  @Test func signalRestoresTheTerminal() throws {
    let path = try Self.make()
    let t = try PseudoTerminal(["review", "--glossary", path], environment: Self.env)
    try t.waitFor("> ")
    t.kill(SIGTERM)
    let status = try t.waitForExit()
    #expect(status == 128 + SIGTERM)  // the shell's convention for "killed by SIGTERM", after the terminal is restored
    #expect(t.rawOutput.contains("\u{1B}[?1049l"))
  }

  @Test func withoutTerminalPointsToTheSheet() throws {
    let path = try Self.make()
    let r = try TestSupport.run(["review", "--glossary", path], environment: Self.env)
    #expect(r.status == 64)
    #expect(r.stderr.contains("--export-sheet"))
    #expect(r.stderr.contains("--apply-sheet"))
  }
}
