#pragma once
// Delimited text tables (CSV, TSV, whitespace columns): dialect sniffing, field splitting and
// number parsing, allocation-free on the hot path.
//   - Delimiter: the one of tab, comma, semicolon and pipe that splits the first lines into the
//     same number (>= 2) of fields, most fields winning, in that order on a tie; else runs of
//     blanks (spaces/tabs) when they do; else a single column.
//   - Header: the first line is a header when a field of it is not a number.
//   - Quotes: "a,b" and "say ""hi""" as in RFC 4180, within one line (a quoted field cannot
//     span lines). Lines starting with '#' are comments; blank lines are skipped.
//   - Numbers: fast_float, exact (decimal, exponent, nan, inf, infinity, any case; 1e999 is inf),
//     a leading '+' and surrounding blanks allowed. Steps are integers, or numbers with no
//     fraction ("100.0").
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lrscope {

inline constexpr char kBlankRuns = ' ';  // delimiter value for whitespace-separated columns

struct TextDialect {
  char delimiter = ',';
  bool header = true;
  int columns = 0;  // fields in the first line
};

// Guesses the dialect from a file's first bytes (UTF-8 BOM allowed); false when there is no line.
bool sniffDialect(const QByteArray& firstBytes, TextDialect& dialect);

// Splits `line` into `fields`. Quoted fields are unquoted into `scratch` (views point into it or
// into `line`). Returns false on an unterminated quote (fields then hold what was split).
bool splitFields(std::string_view line, char delimiter, std::vector<std::string_view>& fields,
                 std::string& scratch);

// The first `maxLines` lines of `text` that are not comments (a cut-off last line of a 64 KiB+
// sample left out), without line ends.
std::vector<std::string_view> sampleLines(const QByteArray& text, int maxLines);

std::string_view trimmed(std::string_view s);
bool isComment(std::string_view line);  // blank, or first non-blank is '#'

// Whole-field number; false for an empty or non-numeric field. Overflow gives +-inf.
bool parseNumber(std::string_view field, double& value);
bool parseStep(std::string_view field, std::int64_t& step);

// A field for messages: decoded, at most 40 characters.
QString fieldText(std::string_view field);
// Header names, decoded as UTF-8 (Latin-1 when they are not valid UTF-8).
QStringList decodeNames(const std::vector<std::string_view>& fields, bool* latin1 = nullptr);

}  // namespace lrscope
