import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

/// Issue 15: caches that cannot lie.
@Suite struct LookupCacheTests {
  let keys: LookupKeys
  init() throws { keys = try LookupKeys() }

  /// A glossary of ~300 KB whose middle row is `甲乙丙丁\t<rendering>`.
  static func large(_ rendering: String) -> String {
    let g = LookupIndexBuildTests.generated(10000)
    let lines = g.split(separator: "\n", omittingEmptySubsequences: false)
    var out = lines[..<5000].joined(separator: "\n") + "\n甲乙丙丁\t\(rendering)\tpreferred\t\t\t\t\t\t\t\t\t\t\t\n"
    out += lines[5000...].joined(separator: "\n")
    return out
  }

  /// A rewrite of the same size with the old mtime, changed only in the middle (outside the hashed head
  /// and tail), still rebuilds the cache: the ctime changed.
  @Test func sameSizeSameMtimeRewriteIsSeen() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try TestSupport.write(Self.large("alpha"), to: "big.zh-en.tsv", in: dir)
    #expect(try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0).lookup("甲乙丙丁", keys: keys).first?.entries.first?.target == "alpha")
    var st = stat()
    #expect(stat(path, &st) == 0 && st.st_size > 200_000)
    let fd = open(path, O_WRONLY)
    let text = Array(Self.large("omega").utf8)
    _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    var times = [st.st_atim, st.st_mtim]
    #expect(futimens(fd, &times) == 0)
    close(fd)
    var after = stat()
    #expect(stat(path, &after) == 0 && after.st_size == st.st_size && after.st_mtim.tv_nsec == st.st_mtim.tv_nsec && after.st_ino == st.st_ino)
    #expect(!LookupIndex.cacheIsCurrent(for: path))
    #expect(try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0).lookup("甲乙丙丁", keys: keys).first?.entries.first?.target == "omega")
  }

  /// One damaged byte anywhere in the cache (header, section table, any section) never traps and never
  /// changes an answer: the cache is rebuilt.
  @Test func aDamagedCacheByteIsRebuiltNeverRead() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try TestSupport.write(TestSupport.sampleGlossary, to: "s.zh-en.tsv", in: dir)
    _ = try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0)
    let cache = LookupIndex.cachePath(for: path)
    let good = try Data(contentsOf: URL(fileURLWithPath: cache))
    var offsets = Array(stride(from: 0, to: good.count, by: max(1, good.count / 97)))
    offsets += [16, 72, 88, 112, good.count - 1]
    for offset in offsets {
      var bad = good
      bad[offset] ^= 0x5A
      try bad.write(to: URL(fileURLWithPath: cache))
      #expect(!LookupIndex.cacheIsCurrent(for: path), "byte \(offset)")
      let hits = try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0).lookup("命运共同体", keys: keys)
      #expect(hits.first?.entries.first?.note == "Generic.", "byte \(offset)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == good, "byte \(offset)")
    }
  }

  /// Lookups while another process rewrites the glossary always answer from one whole version of it
  /// (the rows are read through the descriptor the cache was checked against): never "nothing found".
  @Test func lookupsDuringConcurrentWritesAlwaysAnswer() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try TestSupport.write(TestSupport.sampleGlossary, to: "busy.zh-en.tsv", in: dir)
    let writer = Thread {
      for k in 0..<8 {
        _ = try? GlossaryStore.update(path: path) { g in
          if k % 2 == 0 {
            try g.add(GlossaryEntry(source: "中国梦", target: "the Chinese Dream", status: .preferred))
          } else {
            _ = try g.remove(source: "中国梦", target: "the Chinese Dream")
          }
        }
      }
    }
    writer.start()
    var answers = 0
    while !writer.isFinished || answers < 20 {
      let hits = try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0).lookup("命运共同体", keys: keys)
      #expect(hits.first?.entries.first?.note == "Generic.")
      answers += 1
      if answers > 200 { break }
    }
  }

  @Test func theChecksumDoesNotDependOnHowTheBytesAreCut() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
    let whole = bytes.withUnsafeBytes { ImageChecksum.of($0) }
    for cut in [1, 3, 31, 32, 33, 500] {
      var c = ImageChecksum()
      var i = 0
      while i < bytes.count {
        let j = min(bytes.count, i + cut)
        bytes[i..<j].withUnsafeBytes { c.update($0) }
        i = j
      }
      #expect(c.finish() == whole, "\(cut)")
    }
    var changed = bytes
    changed[999] ^= 1
    #expect(changed.withUnsafeBytes { ImageChecksum.of($0) } != whole)
  }
}
