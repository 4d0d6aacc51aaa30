/// What `glossary stats` reports: the corpus by year and collection, the
/// glossary by status, and the formulations seen in the most documents.
public struct CorpusGlossaryStats: Encodable, Sendable {
  public struct YearCount: Encodable, Sendable { public var year: Int; public var count: Int }
  public struct NameCount: Encodable, Sendable { public var name: String; public var count: Int }
  public struct StatusCount: Encodable, Sendable { public var status: String; public var count: Int }
  public struct Formulation: Encodable, Sendable {
    public var source: String
    public var target: String
    public var status: String
    public var documents: Int
  }

  public var documents = 0
  public var pairedDocuments = 0
  public var languages: [String] = []
  public var documentsPerYear: [YearCount] = []
  public var documentsPerCollection: [NameCount] = []
  public var concepts = 0
  public var renderings = 0
  public var renderingsByStatus: [StatusCount] = []
  public var renderingsWithEvidence = 0
  public var topFormulations: [Formulation] = []

  public init(corpus: Corpus?, entries: [GlossaryEntry], top: Int) {
    if let corpus {
      documents = corpus.documents.count
      pairedDocuments = corpus.documents.filter { $0.files.count >= 2 }.count
      languages = Array(Set(corpus.documents.flatMap(\.languages))).sorted()
      var years: [Int: Int] = [:], collections: [String: Int] = [:]
      for d in corpus.documents {
        years[d.date.year, default: 0] += 1
        collections[d.collection.isEmpty ? "." : d.collection, default: 0] += 1
      }
      documentsPerYear = years.sorted { $0.key < $1.key }.map { YearCount(year: $0.key, count: $0.value) }
      documentsPerCollection = collections.sorted { $0.key < $1.key }.map { NameCount(name: $0.key, count: $0.value) }
    }
    concepts = Set(entries.map(\.source)).count
    renderings = entries.count
    renderingsByStatus = TermStatus.allCases.map { s in StatusCount(status: s.rawValue, count: entries.filter { $0.status == s }.count) }
      .filter { $0.count > 0 }
    renderingsWithEvidence = entries.filter { !$0.seenIn.isEmpty }.count
    topFormulations = entries.filter { $0.status != .rejected && !$0.seenIn.isEmpty }
      .sorted { ($0.documents, $1.source, $1.target) > ($1.documents, $0.source, $0.target) }
      .prefix(top)
      .map { Formulation(source: $0.source, target: $0.target, status: $0.status.rawValue, documents: $0.documents) }
  }
}
