import Foundation

/// Compiled images of input files (lexicons, the word-frequency list) kept in
/// a user cache folder, keyed by the input's identity: a warm start maps the
/// image instead of parsing and compiling the input again.
///
/// Folder: `$GLOSSARY_CACHE_DIR` (`off` disables caching), else
/// `$XDG_CACHE_HOME/glossary`, else `~/.cache/glossary`. The input may sit in
/// a read-only folder; the cache never sits beside it. A cache is never needed
/// for correctness: a missing, foreign, truncated or stale image is rebuilt,
/// and a folder that cannot be written just means no cache.
public enum ImageCache {
  /// The cache folder, created when missing; nil when caching is off or impossible.
  public static func directory() -> String? {
    let env = ProcessInfo.processInfo.environment
    let dir: String
    if let d = env["GLOSSARY_CACHE_DIR"], !d.isEmpty {
      if d == "off" { return nil }
      dir = d
    } else if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") {
      dir = x + "/glossary"
    } else if let h = env["HOME"], !h.isEmpty {
      dir = h + "/.cache/glossary"
    } else {
      return nil
    }
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) { return isDir.boolValue ? dir : nil }
    return (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil ? dir : nil
  }

  /// The cache file for `key` (e.g. a lexicon's absolute path) of a kind (`lexicon`).
  public static func path(kind: String, key: String) -> String? {
    guard let dir = directory() else { return nil }
    let h = StableHash.string(key, seed: 11)
    return "\(dir)/\(kind)-\(String(h, radix: 16)).img"
  }

  /// The image of an input: the cached one when it is well formed and was built
  /// from an input of this identity, else `build()`'s, written to the cache.
  /// - Parameters:
  ///   - kind, key: name the cache file (see ``path(kind:key:)``); nil key: no cache.
  ///   - identity: the input's identity now (recorded in the image by `build`).
  ///   - stillValid: whether the input still has that identity after `build` read it
  ///     (a file changed meanwhile is not cached).
  public static func image(
    kind: String, key: String?, format: ImageFormat, identity: FileIdentity, stillValid: () -> Bool = { true },
    build: () throws -> [UInt8]
  ) rethrows -> BinaryImage {
    let file = key.flatMap { path(kind: kind, key: $0) }
    if let file, let image = BinaryImage.map(path: file), image.isWellFormed(format), image.identity == identity {
      return image
    }
    let bytes = try build()
    if let file, stillValid() {
      let written = bytes.withUnsafeBytes { (try? AtomicFile.write(bytes: $0, to: file)) != nil }
      // Map what was just written (in the page cache) rather than keep a second copy in memory.
      if written, let image = BinaryImage.map(path: file), image.isWellFormed(format), image.identity == identity {
        return image
      }
    }
    return BinaryImage.owning(bytes)
  }
}
