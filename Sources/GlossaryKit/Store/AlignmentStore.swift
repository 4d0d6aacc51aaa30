import Foundation
import GlossaryText

/// The alignment store of a corpus: every document pair segmented, sentence-
/// aligned, tokenized and word-aligned once, in an SQLite file under the
/// corpus (`Corpus/.glossary/alignments.sqlite`), with a full-text index of
/// the sentence pairs' match keys for the concordance.
///
/// - Documents are keyed by the content hashes of both files; `extract` aligns
///   only new and changed ones (`AlignmentStoreUpdate`).
/// - The file records the configuration it was built with (store format,
///   pipeline version, ICU version, languages, lexicon); another configuration,
///   a file that is not a store, or a damaged one is rebuilt, never trusted.
///   Every blob carries a checksum: a damaged document is aligned again.
/// - Writes go in transactions per batch, in WAL mode: a process killed at any
///   moment leaves a store the next run continues from.
///
/// Tables: `meta`, `documents` (one row per document pair: files, hashes,
/// tokens and links blobs), `pairs` (display text of each sentence pair),
/// `pair_keys` (their match keys), `source_index` / `target_index` (FTS5
/// trigram indexes of the keys, external content on `pair_keys`), `source_words` / `target_words` (the token vocabularies), `terms`
/// (the glossary terms the alignment used), `models` (the frozen word model).
public final class AlignmentStore {
  /// Bump when the schema or a blob encoding changes.
  public static let formatVersion = 2
  /// Bump when segmentation, sentence alignment, tokenization or word alignment change what
  /// they produce for the same input: every store is then rebuilt.
  public static let pipelineVersion = "2026-12-02.3"

  public let path: String
  public let db: SQLiteDatabase
  public let sourceLanguage: String
  public let targetLanguage: String

  /// Where a corpus keeps its store: `CORPUS/.glossary/alignments.sqlite`, or, when the corpus
  /// folder cannot be written, a folder under `$XDG_CACHE_HOME/glossary` (else `~/.cache`)
  /// named after the corpus's absolute path.
  public static func defaultPath(corpus: String) -> String {
    let dir = Corpus.folder(corpus) + "/.glossary"
    if FileManager.default.fileExists(atPath: dir) || access(corpus, W_OK) == 0 { return dir + "/alignments.sqlite" }
    let env = ProcessInfo.processInfo.environment
    let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
    let absolute = URL(fileURLWithPath: corpus).standardizedFileURL.path
    let hex = String(LookupKeys.hash(absolute), radix: 16)
    return "\(cache)/glossary/stores/\(hex)/alignments.sqlite"
  }

  /// The configuration a store is valid for (compared as a whole; any difference rebuilds it).
  public static func configuration(sourceLanguage: String, targetLanguage: String, lexiconHash: String?) -> String {
    "format=\(formatVersion);pipeline=\(pipelineVersion);icu=\(icuVersion);languages=\(sourceLanguage)-\(targetLanguage);lexicon=\(lexiconHash ?? "none")"
  }

  private init(path: String, db: SQLiteDatabase, sourceLanguage: String, targetLanguage: String) {
    self.path = path
    self.db = db
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  /// Opens the store for writing, creating it (and its folder) when missing and rebuilding it
  /// from nothing when it is not a store of this configuration or is damaged.
  /// - Returns: the store, and why it was rebuilt (nil when it was reused or new).
  public static func openForWriting(
    path: String, sourceLanguage: String, targetLanguage: String, configuration: String
  ) throws -> (store: AlignmentStore, rebuilt: String?) {
    let dir = (path as NSString).deletingLastPathComponent
    if !dir.isEmpty {
      do {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      } catch {
        throw StoreError.cannotWrite(path: path, reason: "cannot create \(dir)")
      }
    }
    var rebuilt: String? = nil
    if FileManager.default.fileExists(atPath: path) {
      do {
        let db = try SQLiteDatabase(path: path)
        try configure(db)
        let found = try db.text("SELECT value FROM meta WHERE key = 'configuration'")
        if found == configuration {
          return (AlignmentStore(path: path, db: db, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage), nil)
        }
        rebuilt = found == nil ? "not a complete store" : "built with another configuration (\(found!))"
      } catch let e as StoreError {
        guard e.isCorruption || e.description.contains("no such table") || Self.isSchemaError(e) else { throw e }
        rebuilt = "damaged (\(e.description))"
      }
      try remove(path: path)
    }
    let db = try SQLiteDatabase(path: path)
    try configure(db)
    try db.transaction {
      try db.execute(StoreSchema.create)
      let meta = try db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)")
      try meta.run("configuration", .text(configuration))
      try meta.run("created", .text(ISODate.today().description))
    }
    return (AlignmentStore(path: path, db: db, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage), rebuilt)
  }

  /// Opens an existing store for reading (commands that only read: concordance, review, history).
  /// - Throws: `StoreError.missing` when there is none, `.corrupt` when it is not a valid store.
  public static func openForReading(path: String) throws -> AlignmentStore {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.missing(path: path, hint: "run glossary extract on the corpus first")
    }
    do {
      let db = try SQLiteDatabase(path: path, readOnly: true)
      guard let configuration = try db.text("SELECT value FROM meta WHERE key = 'configuration'"),
        configuration.hasPrefix("format=\(formatVersion);pipeline=\(pipelineVersion);")
      else {
        throw StoreError.corrupt(path: path, reason: "built by another version (run glossary extract to rebuild it)")
      }
      let languages = configuration.split(separator: ";").first { $0.hasPrefix("languages=") }?.dropFirst(10) ?? ""
      let parts = languages.split(separator: "-", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { throw StoreError.corrupt(path: path, reason: "no languages recorded") }
      return AlignmentStore(path: path, db: db, sourceLanguage: parts[0], targetLanguage: parts[1])
    } catch let e as StoreError where Self.isSchemaError(e) {
      throw StoreError.corrupt(path: path, reason: "not an alignment store (\(e.description))")
    }
  }

  /// Whether a store exists and its last update finished (an interrupted build or update leaves a
  /// store that the next update continues; readers should run one first).
  public static func isComplete(path: String) throws -> Bool {
    guard FileManager.default.fileExists(atPath: path) else { return false }
    do {
      return try openForReading(path: path).meta("updated") != nil
    } catch let e as StoreError where e.isCorruption {
      return false
    }
  }

  /// Removes a store file with its WAL and shared-memory files.
  public static func remove(path: String) throws {
    for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
      guard unlink(path + suffix) == 0 else {
        throw StoreError.cannotWrite(path: path + suffix, reason: String(cString: strerror(errno)))
      }
    }
  }

  private static func configure(_ db: SQLiteDatabase) throws {
    // WAL: readers (concordance) never block the writer; synchronous=NORMAL in WAL mode keeps the
    // database consistent across a crash (the last transactions may be lost, never half of one).
    try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-65536")
  }

  private static func isSchemaError(_ e: StoreError) -> Bool {
    if case let .failed(_, reason) = e { return reason.contains("no such table") || reason.contains("no such column") }
    return false
  }

  /// A value of the meta table.
  public func meta(_ key: String) throws -> String? {
    try db.text("SELECT value FROM meta WHERE key = ?", .text(key))
  }

  /// Sets a value of the meta table (inside the caller's transaction, if any).
  public func setMeta(_ key: String, _ value: String) throws {
    try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").run(.text(key), .text(value))
  }

  /// Number of documents and sentence pairs held.
  public func counts() throws -> (documents: Int, pairs: Int) {
    let d = try db.integer("SELECT count(*) FROM documents") ?? 0
    let p = try db.integer("SELECT coalesce(sum(pair_count), 0) FROM documents") ?? 0
    return (Int(d), Int(p))
  }
}

/// The store's SQL schema (version `AlignmentStore.formatVersion`).
enum StoreSchema {
  static let create = """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents(
      id INTEGER PRIMARY KEY,
      collection TEXT NOT NULL,
      name TEXT NOT NULL,
      date TEXT NOT NULL,
      source_file TEXT NOT NULL,
      target_file TEXT NOT NULL,
      source_stamp TEXT NOT NULL,
      target_stamp TEXT NOT NULL,
      source_hash TEXT NOT NULL,
      target_hash TEXT NOT NULL,
      first_pair INTEGER NOT NULL,
      pair_count INTEGER NOT NULL,
      tokens BLOB NOT NULL,
      tokens_check INTEGER NOT NULL,
      links BLOB,
      links_check INTEGER,
      model TEXT,
      UNIQUE(collection, name)
    );
    CREATE INDEX documents_date ON documents(date, name);
    CREATE TABLE pairs(id INTEGER PRIMARY KEY, document INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL);
    CREATE INDEX pairs_document ON pairs(document);
    CREATE TABLE pair_keys(id INTEGER PRIMARY KEY, source_key TEXT NOT NULL, target_key TEXT NOT NULL);
    CREATE VIRTUAL TABLE source_index USING fts5(
      source_key, content='pair_keys', content_rowid='id', tokenize='trigram', detail='none');
    CREATE VIRTUAL TABLE target_index USING fts5(
      target_key, content='pair_keys', content_rowid='id', tokenize='trigram', detail='none');
    CREATE TRIGGER pair_keys_insert AFTER INSERT ON pair_keys BEGIN
      INSERT INTO source_index(rowid, source_key) VALUES (new.id, new.source_key);
      INSERT INTO target_index(rowid, target_key) VALUES (new.id, new.target_key);
    END;
    CREATE TRIGGER pair_keys_delete AFTER DELETE ON pair_keys BEGIN
      INSERT INTO source_index(source_index, rowid, source_key) VALUES ('delete', old.id, old.source_key);
      INSERT INTO target_index(target_index, rowid, target_key) VALUES ('delete', old.id, old.target_key);
    END;
    CREATE TABLE source_words(id INTEGER PRIMARY KEY, key TEXT NOT NULL, is_word INTEGER NOT NULL, pinyin TEXT);
    CREATE INDEX source_words_pinyin ON source_words(pinyin) WHERE pinyin IS NOT NULL;
    CREATE TABLE target_words(id INTEGER PRIMARY KEY, key TEXT NOT NULL, is_word INTEGER NOT NULL);
    CREATE TABLE terms(source_key TEXT NOT NULL, target_key TEXT NOT NULL, PRIMARY KEY(source_key, target_key)) WITHOUT ROWID;
    CREATE TABLE models(id TEXT PRIMARY KEY, priors TEXT NOT NULL, sample_pairs INTEGER NOT NULL,
      full_sample INTEGER NOT NULL, corpus_pairs INTEGER NOT NULL, data BLOB NOT NULL, data_check INTEGER NOT NULL);
    """
}
