#pragma once
// exactNumber: the shortest decimal text that reads back to exactly `value`, written the way
// Python's repr writes floats: fixed notation for 1e-4 <= |x| < 1e16 ("0.0003", "24000"),
// scientific otherwise ("3e-05", "1.5e+20"); "nan", "inf", "-inf" for non-finite values.
#include <QString>

namespace lrscope {

QString exactNumber(double value);

}  // namespace lrscope
