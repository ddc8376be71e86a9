/*
 * A stand-in for PulseAudio's client library (libpulse.so.0).
 *
 * The bundled ffmpeg's libavdevice links libpulse.so.0 for its pulse input and output devices,
 * and the executables bind every symbol at start, so they cannot even print their version on a
 * machine without the real library. Kepu never uses those devices. This library defines each
 * pa_* symbol libavdevice needs, under the same symbol version (PULSE_0, see libpulse-stub.map),
 * and every one of them fails: constructors return NULL, calls return an error or a failed
 * state, and void calls do nothing.
 *
 * The functions are declared without parameters: on x86-64 the caller passes arguments in
 * registers and cleans up, so a callee that ignores them is safe.
 * List the needed symbols with: nm -D --undefined-only libavdevice.so.62 | grep PULSE_0
 */
#include <stddef.h>
#include <stdint.h>

#define RETURNS_NULL(name) void *name(void) { return NULL; }
#define RETURNS(type, value, name) type name(void) { return value; }
#define DOES_NOTHING(name) void name(void) { }

enum {
    ERROR = -1,
    PA_ERR_NOTSUPPORTED = 19,
    PA_CONTEXT_FAILED = 5,
    PA_STREAM_FAILED = 3,
    PA_OPERATION_CANCELLED = 2,
    PA_VOLUME_MUTED = 0
};

/* Main loops */
RETURNS_NULL(pa_mainloop_new)
RETURNS_NULL(pa_mainloop_get_api)
RETURNS(int, ERROR, pa_mainloop_iterate)
DOES_NOTHING(pa_mainloop_free)
RETURNS_NULL(pa_threaded_mainloop_new)
RETURNS_NULL(pa_threaded_mainloop_get_api)
RETURNS(int, ERROR, pa_threaded_mainloop_start)
DOES_NOTHING(pa_threaded_mainloop_stop)
DOES_NOTHING(pa_threaded_mainloop_free)
DOES_NOTHING(pa_threaded_mainloop_lock)
DOES_NOTHING(pa_threaded_mainloop_unlock)
DOES_NOTHING(pa_threaded_mainloop_wait)
DOES_NOTHING(pa_threaded_mainloop_signal)

/* Contexts (connections to a server) */
RETURNS_NULL(pa_context_new)
RETURNS(int, ERROR, pa_context_connect)
DOES_NOTHING(pa_context_disconnect)
DOES_NOTHING(pa_context_unref)
RETURNS(int, PA_CONTEXT_FAILED, pa_context_get_state)
RETURNS(int, PA_ERR_NOTSUPPORTED, pa_context_errno)
DOES_NOTHING(pa_context_set_state_callback)
DOES_NOTHING(pa_context_set_subscribe_callback)
RETURNS_NULL(pa_context_subscribe)
RETURNS_NULL(pa_context_get_server_info)
RETURNS_NULL(pa_context_get_sink_info_by_name)
RETURNS_NULL(pa_context_get_sink_info_list)
RETURNS_NULL(pa_context_get_sink_input_info)
RETURNS_NULL(pa_context_get_source_info_list)
RETURNS_NULL(pa_context_set_sink_input_mute)
RETURNS_NULL(pa_context_set_sink_input_volume)

/* Operations */
RETURNS(int, PA_OPERATION_CANCELLED, pa_operation_get_state)
DOES_NOTHING(pa_operation_unref)

/* Streams */
RETURNS_NULL(pa_stream_new)
RETURNS(int, ERROR, pa_stream_connect_playback)
RETURNS(int, ERROR, pa_stream_connect_record)
RETURNS(int, ERROR, pa_stream_disconnect)
DOES_NOTHING(pa_stream_unref)
RETURNS(int, PA_STREAM_FAILED, pa_stream_get_state)
RETURNS_NULL(pa_stream_cork)
RETURNS(int, ERROR, pa_stream_is_corked)
RETURNS_NULL(pa_stream_flush)
RETURNS(int, ERROR, pa_stream_peek)
RETURNS(int, ERROR, pa_stream_drop)
RETURNS(int, ERROR, pa_stream_write)
RETURNS(size_t, (size_t) -1, pa_stream_writable_size)
RETURNS(int, ERROR, pa_stream_get_latency)
RETURNS_NULL(pa_stream_get_buffer_attr)
RETURNS(uint32_t, UINT32_MAX, pa_stream_get_index)
RETURNS_NULL(pa_stream_get_sample_spec)
RETURNS_NULL(pa_stream_update_timing_info)
DOES_NOTHING(pa_stream_set_state_callback)
DOES_NOTHING(pa_stream_set_read_callback)
DOES_NOTHING(pa_stream_set_write_callback)
DOES_NOTHING(pa_stream_set_overflow_callback)
DOES_NOTHING(pa_stream_set_underflow_callback)
DOES_NOTHING(pa_stream_set_latency_update_callback)

/* Samples, channel maps and volumes */
RETURNS(int, 0, pa_sample_spec_valid)
RETURNS(size_t, 0, pa_frame_size)
RETURNS(int, 0, pa_channel_map_valid)
RETURNS_NULL(pa_channel_map_init_extend)
RETURNS_NULL(pa_cvolume_set)
RETURNS(uint32_t, PA_VOLUME_MUTED, pa_cvolume_avg)
RETURNS_NULL(pa_sw_cvolume_multiply_scalar)
RETURNS(uint32_t, PA_VOLUME_MUTED, pa_sw_volume_multiply)
RETURNS(uint32_t, PA_VOLUME_MUTED, pa_sw_volume_divide)

/* Errors */
RETURNS(const char *, "PulseAudio is not available (stub library)", pa_strerror)
