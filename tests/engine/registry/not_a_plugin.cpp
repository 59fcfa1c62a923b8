// Registry test library: an ordinary shared library with no Qt plugin metadata at all.
extern "C" int hookline_not_a_plugin_answer()
{
    return 42;
}
