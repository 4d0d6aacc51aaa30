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
    let glossary = try parseGlossary(TextDecoder.decode(bytes, path: path), path: path)
    let built = LookupIndexBuilder.build(glossary: glossary, bytes: bytes, identity: identity, keys: keys, completePinyin: useCache)
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

  /// `Glossary.parse` of a whole file, on two cores for a large one: each half is parsed (and validated)
  /// by the format's own reader, the second half after the file's header lines and as many empty lines as
  /// the first half has, so every line number is the file's. Checks across rows (duplicates, overlapping
  /// preferred renderings) only involve rows of one source term, so the halves are checked again together
  /// for the source terms they share. Any problem: the whole file is parsed again in one piece, so the
  /// report is exactly the format reader's.
  static func parseGlossary(_ text: String, path: String, minimumLines: Int = 50_000) throws -> Glossary {
    let whole = { try Glossary.parse(text, path: path) }
    let utf8 = text.utf8
    guard utf8.count > minimumLines * 8, ProcessInfo.processInfo.activeProcessorCount > 1 else { return try whole() }
    // The end of the header row: the first line that is neither a comment nor blank.
    var headerEnd = utf8.startIndex
    var line = utf8.startIndex
    while line < utf8.endIndex {
      let nl = utf8[line...].firstIndex(of: 0x0A) ?? utf8.endIndex
      let first = utf8[line..<nl].first
      let blank = utf8[line..<nl].allSatisfy { $0 == 0x20 || $0 == 0x09 }
      line = nl < utf8.endIndex ? utf8.index(after: nl) : nl
      if first != 0x23 && !blank { headerEnd = line; break }
    }
    guard headerEnd > utf8.startIndex else { return try whole() }
    let mid = utf8.index(utf8.startIndex, offsetBy: (utf8.count + utf8.distance(from: utf8.startIndex, to: headerEnd)) / 2)
    guard mid > headerEnd, let nl = utf8[mid...].firstIndex(of: 0x0A) else { return try whole() }
    let split = utf8.index(after: nl)
    let firstHalf = String(text[..<split])
    let linesBefore = utf8[headerEnd..<split].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let secondHalf = String(text[..<headerEnd]) + String(repeating: "\n", count: linesBefore) + String(text[split...])
    let halves = LookupIndexBuilder.parallel(2) { k -> Glossary? in try? Glossary.parse(k == 0 ? firstHalf : secondHalf, path: path) }
    guard var g = halves[0], let second = halves[1] else { return try whole() }
    // Source terms in both halves (by hash; a collision only costs a larger check).
    var firstSources = Set<UInt64>(minimumCapacity: g.entries.count)
    for e in g.entries { firstSources.insert(LookupKeys.hash(e.source)) }
    let secondShared = second.entries.map { firstSources.contains(LookupKeys.hash($0.source)) }
    if secondShared.contains(true) {
      let shared = Set(zip(second.entries, secondShared).filter(\.1).map { LookupKeys.hash($0.0.source) })
      var both = Glossary(sourceLanguage: g.sourceLanguage, targetLanguage: g.targetLanguage)
      for (i, e) in g.entries.enumerated() where shared.contains(LookupKeys.hash(e.source)) {
        both.entries.append(e); both.lineNumbers.append(g.lineNumbers[i])
      }
      for (i, e) in second.entries.enumerated() where secondShared[i] {
        both.entries.append(e); both.lineNumbers.append(second.lineNumbers[i])
      }
      if !both.crossRowProblems(path: path).errors.isEmpty { return try whole() }
    }
    g.entries += second.entries
    g.lineNumbers += second.lineNumbers
    g.warnings += second.warnings
    return g
  }

  /// Builds an index of glossary text in memory (tests, stdin).
  public static func inMemory(text: String, path: String, keys: LookupKeys) throws -> LookupIndex {
    let bytes = Array(text.utf8)
    let glossary = try Glossary.parse(text, path: path)
    let id = FileIdentity(size: UInt64(bytes.count), mtimeSec: 0, mtimeNsec: 0, inode: 0, headHash: 0, tailHash: 0)
    return LookupIndex(path: path, image: .owning(LookupIndexBuilder.build(glossary: glossary, bytes: bytes, identity: id, keys: keys)), fileBytes: bytes)
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
