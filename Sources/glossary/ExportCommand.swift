import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a glossary as TSV, CSV, TBX or JSON (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary export' is not built yet") }
}
