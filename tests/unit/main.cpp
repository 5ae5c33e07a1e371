// Catch2's main; the tests live in one file per module.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
