import Foundation

/// Opening a glossary for lookup, with a persistent index cache beside large
/// glossaries (`dir/.NAME.idx`).
///
/// The cache records the glossary's size, mtime, inode and a hash of its first
/// and last 64 KiB; any change rebuilds it (atomically, temp file + rename).
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
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw GlossaryError.notFound(path: path) }
    if isDir.boolValue { throw TextError.unreadable(path: path, reason: "is a directory") }
    guard let identity = FileIdentity.of(path: path) else { throw TextError.unreadable(path: path, reason: "cannot open") }
    let useCache = identity.size >= UInt64(max(0, cacheMinBytes))
    let cache = cachePath(for: path)
    if useCache, let image = map(cache), image.isWellFormed, image.identity == identity {
      let folds = image.section(.hanFold, UInt16.self)
      if folds.count == IndexLayout.hanFoldUnits.count { keys.normalizer.preloadSimplified(folds, for: IndexLayout.hanFoldUnits) }
      return LookupIndex(path: path, image: image, fileBytes: nil)
    }
    let bytes = try TextDecoder.readBytes(path: path)
    let built = try build(bytes: bytes, path: path, identity: identity, keys: keys, completePinyin: useCache)
    if useCache, FileIdentity.of(path: path) == identity {
      built.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        try? AtomicFile.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none), to: cache)
      }
      // Map what was just written (in the page cache) rather than keep a second copy in memory.
      if let image = map(cache), image.isWellFormed, image.identity == identity {
        return LookupIndex(path: path, image: image, fileBytes: bytes)
      }
    }
    return LookupIndex(path: path, image: .owning(built), fileBytes: bytes)
  }

  /// The index image of a glossary file's bytes: read concept by concept (``IndexInput/stream(_:path:)``),
  /// or whole when its concepts' rows are scattered; checked as every command checks it.
  static func build(bytes: [UInt8], path: String, identity: FileIdentity, keys: LookupKeys, completePinyin: Bool) throws -> [UInt8] {
    let input = try bytes.withUnsafeBufferPointer { b -> IndexInput in
      if let streamed = try IndexInput.stream(b, path: path) { return streamed }
      return IndexInput.of(try Glossary.parse(bytes: b, path: path), bytes: b)
    }
    return LookupIndexBuilder.build(input, identity: identity, keys: keys, completePinyin: completePinyin)
  }

  /// Builds an index of glossary text in memory (tests, stdin).
  public static func inMemory(text: String, path: String, keys: LookupKeys) throws -> LookupIndex {
    let bytes = Array(text.utf8)
    let id = FileIdentity(size: UInt64(bytes.count), mtimeSec: 0, mtimeNsec: 0, inode: 0, headHash: 0, tailHash: 0)
    let image = try build(bytes: bytes, path: path, identity: id, keys: keys, completePinyin: false)
    return LookupIndex(path: path, image: .owning(image), fileBytes: bytes)
  }

  /// Whether the cache beside `path` is present and current.
  public static func cacheIsCurrent(for path: String) -> Bool {
    guard let id = FileIdentity.of(path: path), let image = map(cachePath(for: path)) else { return false }
    return image.isWellFormed && image.identity == id
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
