/// Reads single documents of a store by row id, with their links from the
/// store's current word model, keeping the last few decoded (a concordance
/// reads many pairs of the same documents).
public final class StoredDocumentReader {
  public let store: AlignmentStore
  /// The current word model's id (links from another model are not used).
  public let model: String?
  private let statement: SQLiteStatement
  private let sourceVocabulary: Int
  private let targetVocabulary: Int
  private var cache: [Int64: StoredDocument] = [:]
  private var order: [Int64] = []
  private let capacity = 256

  public init(store: AlignmentStore) throws {
    self.store = store
    model = try store.meta("model")
    statement = try store.db.prepare("SELECT \(AlignmentStore.documentColumns) FROM documents WHERE id = ?")
    (sourceVocabulary, targetVocabulary) = try store.vocabularyCounts()
  }

  /// The document with row id `rowID` (nil when there is none).
  public func document(_ rowID: Int64) throws -> StoredDocument? {
    if let d = cache[rowID] { return d }
    try statement.bind([.integer(rowID)])
    guard try statement.step() else { return nil }
    let d = try store.decodeDocument(statement, model: model, sourceVocabulary: sourceVocabulary, targetVocabulary: targetVocabulary)
    if order.count >= capacity { cache[order.removeFirst()] = nil }
    cache[rowID] = d
    order.append(rowID)
    return d
  }
}
