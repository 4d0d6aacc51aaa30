import Foundation
import GlossaryKit

/// Accepted term pairs of glossary files, for the aligners' lexical evidence.
///
/// Reads the first two columns (source term, target rendering) of the rows
/// whose `status` is `preferred` or `admitted`, in the glossary TSV format
/// (`#` comments first, then a header row; backslash escapes in fields).
/// The lead will later route this through the glossary store.
enum GlossaryTermPairs {
  /// - Throws: `TextError` for unreadable files, `GlossaryTermPairsError` for a file without a header or status column.
  static func load(paths: [String]) throws -> [(String, String)] {
    var pairs: [(String, String)] = []
    for path in paths {
      let text = try TextDecoder.read(path: path)
      var statusColumn: Int? = nil
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if line.isEmpty || line.hasPrefix("#") { continue }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape($0) }
        guard let status = statusColumn else {
          guard let column = fields.firstIndex(of: "status"), column >= 2 else {
            throw GlossaryTermPairsError.noStatusColumn(path: path, line: index + 1)
          }
          statusColumn = column
          continue
        }
        guard fields.count > status else { continue }
        if fields[status] == "preferred" || fields[status] == "admitted", !fields[0].isEmpty, !fields[1].isEmpty {
          pairs.append((fields[0], fields[1]))
        }
      }
    }
    return pairs
  }

  /// `\t`, `\n`, `\r`, `\\` escapes.
  static func unescape(_ field: Substring) -> String {
    guard field.contains("\\") else { return String(field) }
    var out = ""
    var escaped = false
    for c in field {
      if escaped {
        switch c {
        case "t": out.append("\t")
        case "n": out.append("\n")
        case "r": out.append("\r")
        default: out.append(c)
        }
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else {
        out.append(c)
      }
    }
    return out
  }
}

/// A glossary file the term-pair reader cannot use.
enum GlossaryTermPairsError: Error, CustomStringConvertible {
  case noStatusColumn(path: String, line: Int)

  var description: String {
    switch self {
    case let .noStatusColumn(path, line):
      return "\(path):\(line): not a glossary header (expected source and target columns, then 'status')"
    }
  }
}
