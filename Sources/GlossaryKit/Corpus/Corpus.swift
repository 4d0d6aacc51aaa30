import Foundation
import GlossaryText

/// A document in one language: one file `YYYY-MM-DD-slug.LANG.txt`.
public struct CorpusFile: Sendable, Equatable {
  public var path: String
  public var language: String
}

/// The language versions of one document: files with the same
/// `YYYY-MM-DD-slug` stem in the same folder, plus an optional `.meta` sidecar
/// (`key: value` lines: kind, issuer, source, note).
public struct CorpusDocument: Sendable, Equatable {
  /// `YYYY-MM-DD-slug`: the id used in glossary evidence.
  public var id: String
  public var date: ISODate
  public var slug: String
  /// Folder below the corpus root (`phone-calls`), empty at the root.
  public var collection: String
  public var files: [CorpusFile]
  public var metadata: [String: String]

  /// The file of a language, if the document has one.
  public func file(_ language: String) -> CorpusFile? { files.first { $0.language == language } }
  public var languages: [String] { files.map(\.language).sorted() }
}

/// A problem found while scanning or checking a corpus.
public struct CorpusProblem: Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }
  public var path: String
  public var line: Int?
  public var severity: Severity
  public var message: String

  public var description: String {
    "\(path)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)"
  }
}

/// A corpus: any folder of paired files named `YYYY-MM-DD-slug.LANG.txt`,
/// flat or nested; other files are ignored.
///
/// ```swift
/// let corpus = try Corpus.scan("Corpus")
/// for doc in corpus.documents(pairedIn: "zh", "en") { ... }
/// ```
public struct Corpus: Sendable {
  public var root: String
  public var documents: [CorpusDocument]
  /// Problems found by the scan (bad names, impossible dates, unpaired files).
  public var problems: [CorpusProblem]

  /// A corpus folder's path without its trailing slash, so that `folder + "/" + name` is one path
  /// however the folder was given.
  public static func folder(_ path: String) -> String {
    path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }

  /// `2020-04-03-xi-jinping-phone-call.zh.txt` -> date, slug, language.
  static func parseName(_ name: String) -> (date: String, slug: String, language: String)? {
    guard name.hasSuffix(".txt") else { return nil }
    let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count > 11 else { return nil }
    let stem = parts[0], language = parts[1]
    let date = stem.prefix(10)
    let slug = stem.dropFirst(11)
    let dateShape = date.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == "-" : c.isASCII && c.isNumber }
    let slugShape = !slug.isEmpty && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    let languageShape = (2...8).contains(language.count) && language.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
    guard dateShape, stem[stem.index(stem.startIndex, offsetBy: 10)] == "-", slugShape, languageShape else { return nil }
    return (String(date), String(slug), String(language).lowercased())
  }

  /// Scans a folder recursively. Never throws for bad files: they become problems.
  /// - Throws: `CorpusError.notFound` when the root is missing.
  public static func scan(_ root: String) throws -> Corpus {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
      throw CorpusError.notFound(path: root)
    }
    var byStem: [String: CorpusDocument] = [:]
    var problems: [CorpusProblem] = []
    let enumerator = FileManager.default.enumerator(atPath: root)
    var relativePaths: [String] = []
    while let rel = enumerator?.nextObject() as? String { relativePaths.append(rel) }
    for rel in relativePaths.sorted() {
      let name = rel.split(separator: "/").last.map(String.init) ?? rel
      let folder = rel.count > name.count ? String(rel.dropLast(name.count + 1)) : ""
      let dir = Corpus.folder(root)
      let path = dir + "/" + rel
      guard name.hasSuffix(".txt"), !name.hasPrefix(".") else { continue }
      guard let parsed = parseName(name) else {
        if name.range(of: #"^[^.]+\.[A-Za-z]{2,3}\.txt$"#, options: .regularExpression) != nil {
          let dated = name.range(of: #"^\d{4}-\d{2}-\d{2}-"#, options: .regularExpression) != nil
          problems.append(CorpusProblem(path: path, severity: .warning,
            message: (dated ? "not a corpus file name" : "no date in the name")
              + ": expected YYYY-MM-DD-slug.LANG.txt (slug: lowercase letters, digits, hyphens); file ignored"))
        }
        continue
      }
      guard let date = ISODate(parsed.date) else {
        problems.append(CorpusProblem(path: path, severity: .error, message: "impossible date \(parsed.date)"))
        continue
      }
      let stem = folder + "/" + parsed.date + "-" + parsed.slug
      var doc = byStem[stem] ?? CorpusDocument(
        id: parsed.date + "-" + parsed.slug, date: date, slug: parsed.slug, collection: folder, files: [], metadata: [:])
      doc.files.append(CorpusFile(path: path, language: parsed.language))
      if doc.metadata.isEmpty {
        let metaPath = dir + "/" + (folder.isEmpty ? "" : folder + "/") + parsed.date + "-" + parsed.slug + ".meta"
        if let text = try? TextDecoder.read(path: metaPath) { doc.metadata = parseMetadata(text) }
      }
      byStem[stem] = doc
    }
    let documents = byStem.values.sorted { ($0.date, $0.id, $0.collection) < ($1.date, $1.id, $1.collection) }
    for doc in documents where doc.files.count == 1 {
      problems.append(CorpusProblem(path: doc.files[0].path, severity: .error,
        message: "unpaired: no other language version of \(doc.id)"))
    }
    return Corpus(root: root, documents: documents, problems: problems)
  }

  /// `key: value` lines; `#` comments and blank lines ignored.
  public static func parseMetadata(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if !key.isEmpty { result[key] = value }
    }
    return result
  }

  /// The two languages most documents have, most frequent first, Chinese
  /// first on a tie; nil when the corpus has fewer than two languages.
  public var languagePair: (source: String, target: String)? {
    var counts: [String: Int] = [:]
    for d in documents where d.files.count >= 2 { for f in d.files { counts[f.language, default: 0] += 1 } }
    let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    guard ranked.count >= 2 else { return nil }
    let pair = Array(ranked.prefix(2))
    // Source first: by convention the side that is not English.
    if pair[0] == "en" { return (pair[1], pair[0]) }
    return (pair[0], pair[1])
  }

  /// Documents that have both languages, in date order.
  public func documents(pairedIn source: String, _ target: String) -> [CorpusDocument] {
    documents.filter { $0.file(source) != nil && $0.file(target) != nil }
  }
}

public enum CorpusError: Error, CustomStringConvertible, Equatable {
  case notFound(path: String)
  case exists(path: String)
  case invalid(String)

  public var description: String {
    switch self {
    case let .notFound(path): return "\(path): no such corpus folder"
    case let .exists(path): return "\(path): already exists (refusing to overwrite)"
    case let .invalid(message): return message
    }
  }
}

extension CorpusError: ExitCodeConvertible {
  public var exitCode: Int32 {
    switch self {
    case .notFound: return ExitStatus.noInput
    case .exists: return ExitStatus.cannotCreate
    case .invalid: return ExitStatus.dataError
    }
  }
}
