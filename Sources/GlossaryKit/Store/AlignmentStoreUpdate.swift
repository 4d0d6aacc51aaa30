import Foundation
import GlossaryAlign
import GlossaryText

/// Brings a corpus's alignment store up to date: aligns new and changed
/// documents (sentences and tokens), drops removed ones, realigns the
/// documents a change of glossary terms touches, trains the word model when
/// `WordModelPolicy` says so, and word-aligns what its model has not aligned.
/// Each step commits in batches, so a killed run loses at most one batch.
///
/// ```swift
/// var update = AlignmentStoreUpdate(corpus: try Corpus.scan("Corpus"), storePath: AlignmentStore.defaultPath(corpus: "Corpus"),
///                                   sourceLanguage: try Language("zh"), targetLanguage: try Language("en"))
/// let (store, summary) = try update.run()
/// ```
public struct AlignmentStoreUpdate {
  public var corpus: Corpus
  public var storePath: String
  public var sourceLanguage: Language
  public var targetLanguage: Language
  /// Lexicon (CC-CEDICT format) and the hash of its file, part of the store's configuration.
  public var lexicon: Lexicon?
  public var lexiconHash: String?
  /// Curated glossary terms: source terms merged into single tokens, and accepted pairs used as
  /// sentence-alignment anchors and word-alignment priors.
  public var curatedSourceTerms: [String] = []
  public var acceptedPairs: [(source: String, target: String)] = []
  public var wordModel = WordModelPolicy()
  /// Documents aligned per transaction.
  public var batchSize = 512
  /// How long to wait for another process updating the same store.
  public var lockTimeout = 600.0
  public var progress: (@Sendable (String) -> Void)?

  public init(corpus: Corpus, storePath: String, sourceLanguage: Language, targetLanguage: Language) {
    self.corpus = corpus
    self.storePath = storePath
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  /// What an update did.
  public struct Summary: Sendable, Equatable {
    public var documents = 0
    public var pairs = 0
    public var added = 0
    public var changed = 0
    public var removed = 0
    public var unchanged = 0
    /// Documents aligned again because glossary terms they contain changed.
    public var realignedForTerms = 0
    /// Documents word-aligned by this run.
    public var linked = 0
    public var modelTrained = false
    /// Why the store was rebuilt from nothing (nil when it was reused or new).
    public var rebuilt: String?
    /// Documents that could not be read (file and reason); they are left out.
    public var skipped: [String] = []
  }

  /// Runs the update; returns the store (open, up to date) and what was done.
  public func run() throws -> (store: AlignmentStore, summary: Summary) {
    let configuration = AlignmentStore.configuration(
      sourceLanguage: sourceLanguage.code, targetLanguage: targetLanguage.code, lexiconHash: lexiconHash)
    let dir = (storePath as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: dir.isEmpty ? "." : dir, withIntermediateDirectories: true)
    let lock = try FileLock(path: storePath + ".lock", timeout: lockTimeout, lockedPath: storePath)
    defer { lock.unlock() }
    do {
      return try update(configuration: configuration, rebuildReason: nil)
    } catch let e as StoreError where e.isCorruption {
      // Never trusted: start again from nothing, once.
      try AlignmentStore.remove(path: storePath)
      return try update(configuration: configuration, rebuildReason: "damaged (\(e.description))")
    }
  }

  private func update(configuration: String, rebuildReason: String?) throws -> (store: AlignmentStore, summary: Summary) {
    let (store, rebuilt) = try AlignmentStore.openForWriting(
      path: storePath, sourceLanguage: sourceLanguage.code, targetLanguage: targetLanguage.code, configuration: configuration)
    var summary = Summary()
    summary.rebuilt = rebuildReason ?? rebuilt
    try store.db.execute("DELETE FROM meta WHERE key = 'updated'")
    let vocabulary = try StoreVocabulary(db: store.db)
    var known = try store.index()
    let documents = corpus.documents(pairedIn: sourceLanguage.code, targetLanguage.code)
    summary.documents = documents.count

    // 1. Which documents are new, changed, unchanged or gone.
    let root = Corpus.folder(corpus.root)
    var toAlign: [CorpusDocument] = []
    var stamps: [(rowID: Int64, source: String, target: String)] = []
    var seen = Set<String>()
    for doc in documents {
      let key = IndexedDocument.key(collection: doc.collection, name: doc.id)
      seen.insert(key)
      guard let old = known[key] else { toAlign.append(doc); summary.added += 1; continue }
      let sp = doc.file(sourceLanguage.code)!.path, tp = doc.file(targetLanguage.code)!.path
      let ss = StoreFile.stamp(path: sp) ?? "", ts = StoreFile.stamp(path: tp) ?? ""
      let samePaths = old.source.path == relative(sp, root) && old.target.path == relative(tp, root)
      if samePaths && ss == old.source.stamp && ts == old.target.stamp { summary.unchanged += 1; continue }
      let sh = (try? TextDecoder.readBytes(path: sp)).map(StoreFile.hash), th = (try? TextDecoder.readBytes(path: tp)).map(StoreFile.hash)
      if samePaths && sh == old.source.hash && th == old.target.hash {
        stamps.append((old.rowID, ss, ts))
        summary.unchanged += 1
      } else {
        toAlign.append(doc)
        summary.changed += 1
      }
    }
    try store.updateStamps(stamps)
    let gone = known.values.filter { !seen.contains($0.key) }
    if !gone.isEmpty {
      try store.db.transaction { for d in gone { try store.delete(rowID: d.rowID) } }
      for d in gone { known[d.key] = nil }
      summary.removed = gone.count
    }

    // 2. Glossary terms: documents containing a term that was added or removed are aligned again.
    let terms = try termSet()
    let oldTerms = try storedTerms(store)
    if terms != oldTerms {
      let changedKeys = terms.symmetricDifference(oldTerms).map(\.source)
      let touched = try store.documents(withSourceKeys: changedKeys)
      let pending = Set(toAlign.map { IndexedDocument.key(collection: $0.collection, name: $0.id) })
      let byRow = Dictionary(uniqueKeysWithValues: known.values.map { ($0.rowID, $0.key) })
      let byKey = Dictionary(uniqueKeysWithValues: documents.map { (IndexedDocument.key(collection: $0.collection, name: $0.id), $0) })
      try store.db.transaction {
        for row in touched { try store.delete(rowID: row) }
        try store.db.execute("DELETE FROM terms")
        let insert = try store.db.prepare("INSERT INTO terms(source_key, target_key) VALUES (?, ?)")
        for t in terms { try insert.run(.text(t.source), .text(t.target)) }
      }
      for row in touched {
        guard let key = byRow[row], !pending.contains(key), let doc = byKey[key] else { continue }
        toAlign.append(doc)
        summary.realignedForTerms += 1
        summary.unchanged -= 1
      }
    }

    // 3. Align what is new or changed, a batch per transaction.
    if !toAlign.isEmpty {
      summary.skipped = try alignDocuments(toAlign, into: store, vocabulary: vocabulary)
    }
    summary.pairs = try store.counts().pairs

    // 4. The word model, and links for every document its current model has not aligned.
    let linker = WordModelTrainer(policy: wordModel, lexicon: lexicon, lexiconHash: lexiconHash, acceptedPairs: acceptedPairs, progress: progress)
    let model = try linker.currentModel(store: store, vocabulary: vocabulary, trained: &summary.modelTrained)
    summary.linked = try linker.link(store: store, vocabulary: vocabulary, model: model)
    // Marks a store whose last update finished (readers update one that has no mark).
    try store.setMeta("updated", ISODate.today().description)
    return (store, summary)
  }

  private func relative(_ path: String, _ root: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }

  /// The glossary terms alignment depends on, as match keys: (source, target) for accepted pairs,
  /// (source, "") for curated source terms.
  func termSet() throws -> Set<StoreTerm> {
    let normalizer = try MatchKeyNormalizer()
    var out = Set<StoreTerm>()
    for s in curatedSourceTerms { out.insert(StoreTerm(source: normalizer.keyString(s), target: "")) }
    for p in acceptedPairs { out.insert(StoreTerm(source: normalizer.keyString(p.source), target: normalizer.keyString(p.target))) }
    return out
  }

  private func storedTerms(_ store: AlignmentStore) throws -> Set<StoreTerm> {
    var out = Set<StoreTerm>()
    try store.db.prepare("SELECT source_key, target_key FROM terms").rows { r in
      out.insert(StoreTerm(source: r.text(0), target: r.text(1)))
    }
    return out
  }

  /// Aligns documents on all cores, writing each batch in one transaction.
  /// - Returns: documents that could not be read (one line each, file and reason).
  private func alignDocuments(_ docs: [CorpusDocument], into store: AlignmentStore, vocabulary: StoreVocabulary) throws -> [String] {
    let normalizer = try MatchKeyNormalizer()
    var sourceTerms = lexicon?.terms ?? TermTrie()
    for t in curatedSourceTerms { sourceTerms.insert(normalizer.key(for: t).units, value: 0) }
    let translationLexicon = TranslationLexicon(lexicon: lexicon, termPairs: acceptedPairs, normalizer: normalizer)
    let makeAligner = DefaultAligners.sentenceAligner(source: sourceLanguage, target: targetLanguage, lexicon: translationLexicon)
    let root = corpus.root, source = sourceLanguage, target = targetLanguage
    let pool = WorkerPool { try DocumentAligner(root: root, sourceLanguage: source, targetLanguage: target, sourceTerms: sourceTerms, align: try makeAligner()) }
    var skipped: [String] = []
    var done = 0
    for start in stride(from: 0, to: docs.count, by: batchSize) {
      let batch = Array(docs[start..<min(docs.count, start + batchSize)])
      let results = try Parallel.map(batch.count, state: { try pool.take() }) { (worker: inout PooledWorker<DocumentAligner>, i: Int) -> Result<DocumentAlignment, Error> in
        Result { try worker.value.align(batch[i]) }
      }
      var aligned: [DocumentAlignment] = []
      for (i, r) in results.enumerated() {
        switch r {
        case let .success(a): aligned.append(a)
        case let .failure(e):
          // A document that cannot be read is reported and left out; the others go on.
          guard e is TextError || e is CorpusError else { throw e }
          skipped.append("\(ExitStatus.message(for: e)) (\(batch[i].id) left out)")
        }
      }
      do {
        try store.write(aligned, vocabulary: vocabulary)
      } catch {
        vocabulary.rollback()
        throw error
      }
      done += batch.count
      progress?("aligned sentences of \(done)/\(docs.count) documents")
    }
    return skipped
  }
}

/// A glossary term as the store records it (match keys; target "" for a source term alone).
struct StoreTerm: Hashable, Sendable {
  var source: String
  var target: String
}

/// Per-thread workers made once and lent to `Parallel.map` calls one after another
/// (ICU objects are not thread-safe, but may move between threads between uses).
final class WorkerPool<T>: @unchecked Sendable {
  private var free: [T] = []
  private let make: () throws -> T
  private let lock = NSLock()

  init(make: @escaping () throws -> T) { self.make = make }

  func take() throws -> PooledWorker<T> {
    lock.lock()
    let w = free.popLast()
    lock.unlock()
    return PooledWorker(value: try w ?? make(), pool: self)
  }

  fileprivate func giveBack(_ value: T) {
    lock.lock()
    free.append(value)
    lock.unlock()
  }
}

/// A worker on loan from a `WorkerPool`; returned when the loan ends.
final class PooledWorker<T> {
  let value: T
  private let pool: WorkerPool<T>
  init(value: T, pool: WorkerPool<T>) { self.value = value; self.pool = pool }
  deinit { pool.giveBack(value) }
}
