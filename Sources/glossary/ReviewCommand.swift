import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "review", abstract: "Review mined candidates in a terminal session or a sheet (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary review' is not built yet") }
}
