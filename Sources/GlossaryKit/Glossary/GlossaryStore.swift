import Foundation

/// Loads and saves glossary files: validated reads, sorted atomic writes, and
/// read-modify-write under an exclusive lock so concurrent commands never
/// lose each other's changes.
///
/// ```swift
/// try GlossaryStore.update(path: "Glossaries/diplomatic.zh-en.tsv") { g in
///   try g.add(GlossaryEntry(source: "一带一路", target: "the Belt and Road Initiative", status: .preferred))
/// }
/// ```
public enum GlossaryStore {
  /// Seconds a writer waits for another writer's lock (env `GLOSSARY_LOCK_TIMEOUT` overrides).
  public static var lockTimeout: Double {
    if let s = ProcessInfo.processInfo.environment["GLOSSARY_LOCK_TIMEOUT"], let v = Double(s) { return v }
    return 30
  }

  /// The lock file beside a glossary: `dir/.NAME.lock`.
  public static func lockPath(for path: String) -> String { sidecar(path, suffix: ".lock") }

  /// A hidden file beside `path`: `dir/.NAME<suffix>`.
  public static func sidecar(_ path: String, suffix: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + suffix).path
  }

  /// Reads and validates a glossary.
  /// - Throws: `GlossaryError.notFound`, `.invalid` (every broken row), `TextError` for bad UTF-8.
  public static func load(path: String) throws -> Glossary {
    let bytes = try RegularFile.readBytes(path)
    return try bytes.withUnsafeBufferPointer { try Glossary.parse(bytes: $0, path: path) }
  }

  /// Writes a glossary atomically in file order (format 2). Refuses a glossary the reader would refuse.
  public static func save(_ glossary: Glossary, to path: String) throws {
    let (errors, _) = glossary.crossRowProblems(path: path)
    if let first = errors.first { throw GlossaryError.refused(path: path, reason: first.message) }
    try AtomicFile.write(Data(glossary.tsvBytes()), to: path)
  }

  /// Locks `path`, re-reads it (or starts an empty glossary when it does not
  /// exist and `create` is set), applies `change`, validates and writes it
  /// atomically. Nothing is written when `change` throws.
  /// - Parameters:
  ///   - languages: languages of a newly created glossary (default: from the file name `NAME.zh-en.tsv`, else zh, en).
  ///   - timeout: seconds to wait for another writer (default ``lockTimeout``).
  @discardableResult
  public static func update<T>(
    path: String, create: Bool = true, languages: (String, String)? = nil, timeout: Double? = nil,
    _ change: (inout Glossary) throws -> T
  ) throws -> T {
    try updateOrCreate(path: path, create: create, languages: languages.map { [$0.0, $0.1] }, timeout: timeout) { g, _ in
      try change(&g)
    }
  }

  /// ``update(path:create:languages:timeout:_:)`` whose `change` also learns whether the glossary is new
  /// (the file did not exist): an import then gives it the imported file's languages.
  @discardableResult
  public static func updateOrCreate<T>(
    path: String, create: Bool = true, languages: [String]? = nil, timeout: Double? = nil,
    _ change: (inout Glossary, _ isNew: Bool) throws -> T
  ) throws -> T {
    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if !FileManager.default.fileExists(atPath: dir) {
      guard create else { throw GlossaryError.notFound(path: path) }
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    // Writers through a symbolic link and through the file's own name take the same lock.
    let lock = try FileLock(path: lockPath(for: AtomicFile.resolved(path)), timeout: timeout ?? lockTimeout, lockedPath: path)
    defer { lock.unlock() }
    var glossary: Glossary
    let isNew = !FileManager.default.fileExists(atPath: path)
    if !isNew {
      glossary = try load(path: path)
    } else {
      guard create else { throw GlossaryError.notFound(path: path) }
      glossary = Glossary(languages: languages ?? languagesFromName(path).map { [$0.0, $0.1] } ?? ["zh", "en"])
    }
    let before = glossary
    let result = try change(&glossary, isNew)
    // Nothing changed (every row of a sheet refused, an import with nothing new): the file is left as it is.
    if !isNew && glossary == before { return result }
    glossary.sort()
    try save(glossary, to: path)
    return result
  }

  /// `diplomatic.zh-en.tsv` -> ("zh", "en").
  public static func languagesFromName(_ path: String) -> (String, String)? {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    guard let last = name.split(separator: ".").last, name.contains(".") else { return nil }
    let parts = last.split(separator: "-")
    guard parts.count == 2, (try? Language(String(parts[0]))) != nil, (try? Language(String(parts[1]))) != nil else { return nil }
    return (String(parts[0]), String(parts[1]))
  }

  /// Glossaries to read: `explicit` paths (files, or folders meaning their
  /// `*.tsv`), else the colon-separated `$GLOSSARY_PATH`, else `./Glossaries/*.tsv`.
  /// - Throws: `GlossaryError.notFound` for a named path that does not exist,
  ///   `.noGlossaries` when the defaults find nothing.
  public static func readPaths(explicit: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String] {
    var named = explicit
    var fromDefault = false
    if named.isEmpty, let env = environment["GLOSSARY_PATH"], !env.isEmpty {
      named = env.split(separator: ":").map(String.init)
    }
    if named.isEmpty {
      named = ["Glossaries"]
      fromDefault = true
    }
    var out: [String] = []
    for p in named {
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
        if fromDefault { continue }
        throw GlossaryError.notFound(path: p)
      }
      if isDir.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []
        out += names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted().map { p + "/" + $0 }
      } else {
        out.append(p)
      }
    }
    if out.isEmpty {
      throw GlossaryError.noGlossaries("no glossary found: give --glossary PATH, set GLOSSARY_PATH, or run in a project with Glossaries/*.tsv")
    }
    return out
  }
}
