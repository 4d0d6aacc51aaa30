import GlossaryKit

/// Accepted term pairs of glossary files (preferred and admitted rows), for
/// the aligners' lexical evidence. Files are read and validated by the
/// glossary store, so a broken row stops with `file:line`.
enum GlossaryTermPairs {
  static func load(paths: [String]) throws -> [(String, String)] {
    try paths.flatMap { try GlossaryStore.load(path: $0).acceptedTermPairs.map { ($0.source, $0.target) } }
  }
}
