import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

@Suite struct StoreTests {
  @Test func updateCreatesLocksAndWritesSorted() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/new/terms.zh-en.tsv"
    try GlossaryStore.update(path: path) { g in
      try g.add(GlossaryEntry(source: "乙", target: "B", status: .preferred))
      try g.add(GlossaryEntry(source: "甲", target: "A", status: .preferred))
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("languages\tzh\ten\nconcept\tlang\tterm\tstatus\t"))
    // Concepts in code point order of their source term, source language first.
    #expect(text.split(separator: "\n").dropFirst(2).map { $0.split(separator: "\t")[2] } == ["乙", "B", "甲", "A"])
    #expect(FileManager.default.fileExists(atPath: dir + "/new/.terms.zh-en.tsv.lock"))
  }

  @Test func nothingIsWrittenWhenTheChangeFails() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try TestSupport.write(TestSupport.sampleGlossary, to: "s.zh-en.tsv", in: dir)
    #expect(throws: GlossaryError.self) {
      try GlossaryStore.update(path: path) { g in try g.add(GlossaryEntry(source: "国家主席", target: "President", status: .preferred)) }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == TestSupport.sampleGlossary)
  }

  @Test func aHeldLockTimesOutWithAClearMessage() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/g.zh-en.tsv"
    let held = try FileLock(path: GlossaryStore.lockPath(for: path), timeout: 1, lockedPath: path)
    do {
      try GlossaryStore.update(path: path, timeout: 0.2) { g in try g.add(GlossaryEntry(source: "甲", target: "A")) }
      Issue.record("expected a lock timeout")
    } catch let e as GlossaryError {
      #expect(e == .lockTimeout(path: path, seconds: 0.2))
      #expect(e.description.contains("another glossary command has held the lock"))
    }
    held.unlock()
    try GlossaryStore.update(path: path, timeout: 0.2) { g in try g.add(GlossaryEntry(source: "甲", target: "A")) }
    #expect(try GlossaryStore.load(path: path).entries.count == 1)
  }

  @Test func readPathsDefaultsAndEnvironment() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try TestSupport.write(TestSupport.sampleGlossary, to: "b.tsv", in: dir)
    try TestSupport.write(TestSupport.sampleGlossary, to: "a.tsv", in: dir)
    try TestSupport.write("x", to: "notes.txt", in: dir)
    #expect(try GlossaryStore.readPaths(explicit: [dir]) == [dir + "/a.tsv", dir + "/b.tsv"])
    #expect(try GlossaryStore.readPaths(explicit: [], environment: ["GLOSSARY_PATH": dir + "/b.tsv:" + dir]) == [dir + "/b.tsv", dir + "/a.tsv", dir + "/b.tsv"])
    #expect(throws: GlossaryError.self) { try GlossaryStore.readPaths(explicit: [dir + "/missing.tsv"]) }
  }
}
