// The declaration is all this target provides; libFuzzer itself defines the function.
#include "FuzzerDriver.h"
