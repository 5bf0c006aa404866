#include "testing/testing.h"
