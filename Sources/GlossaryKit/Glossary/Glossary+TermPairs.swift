extension Glossary {
  /// The accepted translation pairs (preferred and admitted rows), which the
  /// aligners use as anchors and priors: a decision made in review feeds the
  /// next `glossary align` or `glossary extract`.
  public var acceptedTermPairs: [(source: String, target: String)] {
    entries.filter { $0.status == .preferred || $0.status == .admitted }.map { ($0.source, $0.target) }
  }
}
