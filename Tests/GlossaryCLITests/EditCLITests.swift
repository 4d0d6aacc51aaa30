import Foundation
import GlossaryKit
import GlossaryTestSupport
import Testing

@Suite struct EditCLITests {
  @Test func addEditDeprecateRemove() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = dir + "/new.zh-en.tsv"
    #expect(try TestSupport.run(["add", "中国梦", "the China Dream", "--glossary", g]).status == 0)
    let dup = try TestSupport.run(["add", "中国梦", "the China Dream", "--glossary", g])
    #expect(dup.status == 65 && dup.stderr.contains("already in the glossary"))
    let two = try TestSupport.run(["add", "中国梦", "the Chinese Dream", "--glossary", g])
    #expect(two.status == 65 && two.stderr.contains("two preferred en terms of concept c1 (中国梦)"))
    #expect(try TestSupport.run(["deprecate", "中国梦", "the China Dream", "--replacement", "the Chinese Dream", "--since", "2014-01-01", "--glossary", g]).status == 0)
    #expect(try TestSupport.run(["edit", "中国梦", "the Chinese Dream", "--note", "Capital D.", "--tag", "formulation", "--glossary", g]).status == 0)
    let text = try String(contentsOfFile: g, encoding: .utf8)
    #expect(text.contains("c1\tzh\t中国梦\tpreferred\t"))
    #expect(text.contains("c1\ten\tthe Chinese Dream\tpreferred\t2014-01-01\t\t\tformulation\tCapital D."))
    #expect(text.contains("c1\ten\tthe China Dream\tdeprecated\t\t2013-12-31\tthe Chinese Dream"))
    let missing = try TestSupport.run(["remove", "中国梦", "the Dream", "--glossary", g])
    #expect(missing.status == 66)
    #expect(try TestSupport.run(["remove", "中国梦", "the China Dream", "--glossary", g]).status == 0)
  }

  /// A replacement must be a rendering of the same concept: exit 65 naming it, nothing written.
  @Test func aDanglingReplacementIsRefused() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = dir + "/d.zh-en.tsv"
    #expect(try TestSupport.run(["add", "农业", "agriculture", "--glossary", g]).status == 0)
    let before = try String(contentsOfFile: g, encoding: .utf8)
    let r = try TestSupport.run(["edit", "农业", "agriculture", "--status", "deprecated", "--replaced-by", "nonexistent thing", "--glossary", g])
    #expect(r.status == 65)
    #expect(r.stderr.contains("replaced_by \"nonexistent thing\" of \"agriculture\" is not a en term of concept c1 (农业)"))
    let d = try TestSupport.run(["deprecate", "农业", "agriculture", "--replacement", "farming", "--glossary", g])
    #expect(d.status == 0)  // deprecate adds the replacement as the preferred rendering
    #expect(try TestSupport.run(["remove", "农业", "farming", "--glossary", g]).status == 65)  // "agriculture" names it
    #expect(before != (try String(contentsOfFile: g, encoding: .utf8)))
  }

  @Test func twoProcessesAddingConcurrentlyLoseNothing() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = dir + "/c.zh-en.tsv"
    let n = 15
    let group = DispatchGroup()
    let failures = LockedCounter()
    for writer in ["甲", "乙"] {
      group.enter()
      DispatchQueue.global().async {
        for k in 0..<n {
          let r = try? TestSupport.run(["add", "\(writer)\(k)", "T\(k)", "--glossary", g])
          if r?.status != 0 { failures.add() }
        }
        group.leave()
      }
    }
    group.wait()
    #expect(failures.value == 0)
    let loaded = try GlossaryStore.load(path: g)
    #expect(loaded.entries.count == 2 * n)
  }

  @Test func aLockedGlossaryMakesWritersWaitThenFailClearly() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = dir + "/l.zh-en.tsv"
    let lock = try FileLock(path: GlossaryStore.lockPath(for: g), timeout: 1, lockedPath: g)
    let r = try TestSupport.run(["add", "甲", "A", "--glossary", g], environment: ["GLOSSARY_LOCK_TIMEOUT": "0.3"])
    #expect(r.status == 75)
    #expect(r.stderr.contains("another glossary command has held the lock"))
    // A writer that starts while the lock is held goes through once it is released.
    let waiting = try TestSupport.start(["add", "甲", "A", "--glossary", g], environment: ["GLOSSARY_LOCK_TIMEOUT": "20"])
    usleep(300_000)
    lock.unlock()
    #expect(waiting.wait().status == 0)
    #expect(try GlossaryStore.load(path: g).entries.count == 1)
  }

  @Test func aKilledWriterLeavesTheOldOrTheNewFile() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let g = dir + "/k.zh-en.tsv"
    let big = Glossary(entries: (0..<60_000).map {
      GlossaryEntry(source: "术语\($0)", target: "term \($0) with a fairly long rendering", status: .preferred, note: "note \($0)")
    })
    try GlossaryStore.save(big, to: g)
    let original = big.entries.count
    for (attempt, delay) in [20_000, 80_000, 150_000, 250_000, 400_000].enumerated() {
      let p = try TestSupport.start(["add", "新\(attempt)", "new", "--glossary", g])
      usleep(UInt32(delay))
      kill(p.pid, SIGKILL)
      _ = p.wait()
      let loaded = try GlossaryStore.load(path: g)  // parses: never partial
      #expect(loaded.entries.count >= original && loaded.entries.count <= original + attempt + 1)
    }
  }
}

final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var n = 0
  func add() { lock.lock(); n += 1; lock.unlock() }
  var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
