#pragma once
// The `lrscope` command line: one function per subcommand, each in its own file, all calling the
// same core functions as the GUI. Errors go to stderr with a non-zero exit status.
#include <QStringList>
#include <QTextStream>

namespace lrscope::cli {

QTextStream& out();
QTextStream& err();

// Prints "lrscope: <message>" to stderr and returns the exit status for bad usage or input (2/1).
int fail(const QString& message, int status = 1);
// Reads a whole file ("-" for standard input); on failure prints why and returns false.
bool readInput(const QString& path, QByteArray& data);
// Writes to `path`, or to stdout when empty.
bool writeOutput(const QString& path, const QByteArray& data);

int run(const QStringList& args);
// Whether `word` names a subcommand or option of run() (else `lrscope PATH...` opens the GUI).
bool isCommand(const QString& word);
int runSchedule(const QStringList& args);
int runFit(const QStringList& args);
int runPredict(const QStringList& args);
int runInspect(const QStringList& args);

}  // namespace lrscope::cli
