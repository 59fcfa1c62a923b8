#include "LineAudioAnalyzerCommand.h"

#include "LineAudioAnalyzer.h"

#include <QtCore/qtextstream.h>

#include <cstdio>
#include <cstring>

namespace {
constexpr const char *Usage =
    "usage: hookline --analyze-line-audio FILE --profile us|eu|uk [--cid class|clip|dtmf]\n";

// `arg` is the option `name` ("--name VALUE": the value is the next argument) or "--name=VALUE".
bool optionValue(int argc, char **argv, int *i, const char *name, QString *value)
{
    const char *arg = argv[*i];
    const std::size_t length = std::strlen(name);
    if (std::strncmp(arg, name, length) != 0)
        return false;
    if (arg[length] == '=') {
        *value = QString::fromLocal8Bit(arg + length + 1);
        return true;
    }
    if (arg[length] == '\0' && *i + 1 < argc) {
        *value = QString::fromLocal8Bit(argv[++*i]);
        return true;
    }
    return false;
}
} // namespace

bool isLineAudioAnalyzerCommand(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--analyze-line-audio")
            || !std::strncmp(argv[i], "--analyze-line-audio=", 21))
            return true;
    }
    return false;
}

int runLineAudioAnalyzerCommand(int argc, char **argv)
{
    QString file;
    QString profile;
    QString cid;
    for (int i = 1; i < argc; ++i) {
        if (!optionValue(argc, argv, &i, "--analyze-line-audio", &file)
            && !optionValue(argc, argv, &i, "--profile", &profile)
            && !optionValue(argc, argv, &i, "--cid", &cid)) {
            std::fprintf(stderr, "hookline: unexpected argument '%s'\n%s", argv[i], Usage);
            return 2;
        }
    }
    if (file.isEmpty() || profile.isEmpty()) {
        std::fputs(Usage, stderr);
        return 2;
    }
    QTextStream out(stdout);
    QString error;
    const int code = analyzeLineAudioFile(file, profile, cid, out, &error);
    if (code != 0)
        std::fprintf(stderr, "hookline: %s\n", qPrintable(error));
    return code;
}
