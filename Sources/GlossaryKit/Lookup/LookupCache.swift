import Foundation

/// Opening a glossary for lookup, with a persistent index cache beside large
/// glossaries (`dir/.NAME.idx`).
///
/// The cache records the glossary's size, mtime, ctime, inode and a hash of its
/// first and last 64 KiB, and a checksum of its own bytes; any change or damage
/// rebuilds it (atomically, temp file + rename). The identity is taken from the
/// descriptor the glossary is then read through.
/// It is never needed for correctness: a missing, foreign, truncated or stale
/// cache is rebuilt from the glossary, and a folder that cannot be written
/// just means no cache.
extension LookupIndex {
  /// Glossaries at least this large get a cache file (env `GLOSSARY_INDEX_MIN_BYTES`; default 16 KiB:
  /// building the index in memory costs ~100 ms of ICU set-up, a mapped cache ~1 ms).
  public static var defaultCacheMinBytes: Int {
    if let s = ProcessInfo.processInfo.environment["GLOSSARY_INDEX_MIN_BYTES"], let v = Int(s) { return v }
    return 16 << 10
  }

  /// The cache file of a glossary.
  public static func cachePath(for path: String) -> String { GlossaryStore.sidecar(path, suffix: ".idx") }

  /// Opens a glossary for lookup: maps a valid cache, or loads and validates
  /// the glossary, builds the index, and writes the cache when the file is large.
  /// - Throws: `GlossaryError.notFound`, `.invalid` (broken rows), `TextError`.
  public static func open(path: String, keys: LookupKeys, cacheMinBytes: Int = defaultCacheMinBytes) throws -> LookupIndex {
    // The glossary, opened once (a regular file, never blocking): its identity, and later its bytes,
    // come from the same descriptor.
    let fd = try RegularFile.open(path)
    defer { close(fd) }
    guard let identity = GlossaryIdentity.of(fd: fd) else { throw TextError.unreadable(path: path, reason: "cannot read") }
    let useCache = identity.file.size >= UInt64(max(0, cacheMinBytes))
    let cache = cachePath(for: path)
    if useCache, let image = map(cache), image.isWellFormed, image.identity == identity, image.checksumIsValid {
      let folds = image.section(.hanFold, UInt16.self)
      if folds.count == IndexLayout.hanFoldUnits.count { keys.normalizer.preloadSimplified(folds, for: IndexLayout.hanFoldUnits) }
      return LookupIndex(path: path, image: image, fileBytes: nil, fd: fd)
    }
    // The glossary is mapped, not read into memory: its pages are dropped once the rows are read.
    let file = try MappedFile(fd: fd, count: Int(identity.file.size), path: path)
    let bytes = file.bytes
    var input = try readInput(bytes, path: path, mapped: true)
    file.dropPages()
    if useCache {
      // Written straight into the cache file, then mapped; not when the glossary changed meanwhile.
      var maxUnits = 0
      let written: Bool = (try? AtomicFile.write(to: cache) { f in
        var w = try IndexWriter(file: f)
        let formatVersion = input.first?.formatVersion ?? 2
        maxUnits = try LookupIndexBuilder.build(&input, into: &w, keys: keys, completePinyin: true)
        guard GlossaryIdentity.of(path: path) == identity else { throw GlossaryError.refused(path: path, reason: "changed while indexed") }
        try w.finishFile(identity: identity, maxUnits: maxUnits, formatVersion: formatVersion)
      }) != nil
      if written, let image = map(cache), image.isWellFormed, image.identity == identity, image.checksumIsValid {
        return LookupIndex(path: path, image: image, fileBytes: nil, fd: fd)
      }
      // No cache (a read-only folder ...): an index in memory.
      input = try readInput(bytes, path: path, mapped: true)
    }
    let image = LookupIndexBuilder.image(&input, identity: identity, keys: keys, completePinyin: useCache)
    return LookupIndex(path: path, image: .owning(image), fileBytes: Array(bytes))
  }

  /// What the index needs of a glossary file's bytes: read concept by concept (``IndexInput/stream(_:path:workers:)``),
  /// or whole when its concepts' rows are scattered; checked as every command checks it.
  static func readInput(_ bytes: UnsafeBufferPointer<UInt8>, path: String, mapped: Bool = false) throws -> [IndexInput] {
    if let streamed = try IndexInput.stream(bytes, path: path, mapped: mapped) { return streamed }
    return [IndexInput.of(try Glossary.parse(bytes: bytes, path: path), bytes: bytes)]
  }

  /// Builds an index of glossary text in memory (tests, stdin).
  public static func inMemory(text: String, path: String, keys: LookupKeys) throws -> LookupIndex {
    let bytes = Array(text.utf8)
    let id = GlossaryIdentity(file: FileIdentity(size: UInt64(bytes.count), mtimeSec: 0, mtimeNsec: 0, inode: 0, headHash: 0, tailHash: 0))
    var input = try bytes.withUnsafeBufferPointer { try readInput($0, path: path) }
    let image = LookupIndexBuilder.image(&input, identity: id, keys: keys)
    return LookupIndex(path: path, image: .owning(image), fileBytes: bytes)
  }

  /// Whether the cache beside `path` is present and current.
  public static func cacheIsCurrent(for path: String) -> Bool {
    guard let id = GlossaryIdentity.of(path: path), let image = map(cachePath(for: path)) else { return false }
    return image.isWellFormed && image.identity == id && image.checksumIsValid
  }

  private static func map(_ path: String) -> IndexImage? {
    let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size >= IndexLayout.headerSize else { return nil }
    let size = Int(st.st_size)
    guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
    return IndexImage(base: UnsafeRawPointer(p), count: size) { munmap(p, size) }
  }
}

/// A glossary file mapped read-only for the index build; its pages can be dropped once read.
final class MappedFile {
  let base: UnsafeMutableRawPointer?
  let count: Int

  init(fd: Int32, count: Int, path: String) throws {
    self.count = count
    if count == 0 {
      base = nil
      return
    }
    guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
      throw TextError.unreadable(path: path, reason: "cannot map: \(String(cString: strerror(errno)))")
    }
    madvise(p, count, MADV_SEQUENTIAL)
    base = p
  }

  deinit { if let base { munmap(base, count) } }

  var bytes: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count)
  }

  /// Releases the resident pages (they stay in the page cache); the mapping stays valid.
  func dropPages() { if let base { madvise(base, count, MADV_DONTNEED) } }
}
