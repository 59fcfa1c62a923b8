#pragma once

#include <cstdint>

// Opaque spandsp types, so headers of the detector set do not pull in all of spandsp.
typedef struct dtmf_rx_state_s dtmf_rx_state_t;
typedef struct adsi_rx_state_s adsi_rx_state_t;
typedef struct super_tone_rx_state_s super_tone_rx_state_t;
typedef struct super_tone_rx_descriptor_s super_tone_rx_descriptor_t;
typedef struct goertzel_state_s goertzel_state_t;
typedef struct dtmf_tx_state_s dtmf_tx_state_t;
