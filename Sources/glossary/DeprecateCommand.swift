import ArgumentParser
import Foundation
import GlossaryKit

struct DeprecateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deprecate",
    abstract: "Retire a rendering in favour of a replacement.",
    discussion: """
      The rendering becomes deprecated (or superseded with --superseded: it was official until \
      then) with replaced_by set and, with --since, valid_to the day before; the replacement \
      becomes preferred from --since (added when missing).

      Examples:
        glossary deprecate 人类命运共同体 "a community with a shared future for mankind" \\
          --replacement "a community with a shared future for humanity" --since 2022-01-01 --superseded
      """
  )

  @Argument(help: "Source term.") var source: String
  @Argument(help: "The rendering to retire.") var target: String
  @Option(help: "The rendering to use instead.") var replacement: String
  @Option(help: "First day of the replacement (YYYY-MM-DD); the old rendering ends the day before.") var since: String?
  @Flag(help: "Mark it superseded (was official for a while) rather than deprecated (do not use).") var superseded = false
  @Option(help: "The concept (id), when the source term belongs to several.") var concept: String?
  @OptionGroup var glossaryOptions: GlossaryWriteOptions

  func run() throws {
    let path = try glossaryOptions.path()
    let date = try parseDate(since, option: "--since")
    try GlossaryStore.update(path: path, create: false) { g in
      try g.deprecate(source: source, target: target, replacement: replacement, since: date, superseded: superseded, conceptID: concept, path: path)
    }
    FileHandle.standardError.write(Data("glossary: \(source): \(target) -> \(replacement)\(date.map { " from \($0)" } ?? "") in \(path)\n".utf8))
  }
}
