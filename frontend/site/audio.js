// Audio with a waveform: the peaks from waveform.json drawn on a canvas; clicking or arrow keys seek.
export function initAudio(doc) {
  doc.querySelectorAll('[data-waveform]').forEach(async (figure) => {
    const audio = figure.querySelector('audio');
    const canvas = figure.querySelector('canvas');
    if (!audio || !canvas) return;
    let peaks = [];
    try {
      const response = await fetch(figure.dataset.waveform);
      if (response.ok) peaks = (await response.json()).peaks || [];
    } catch (e) {
      peaks = [];
    }
    const draw = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      canvas.width = width * ratio;
      canvas.height = height * ratio;
      const context = canvas.getContext('2d');
      context.scale(ratio, ratio);
      const played = audio.duration ? audio.currentTime / audio.duration : 0;
      const bars = Math.max(1, Math.floor(width / 3));
      const styles = getComputedStyle(figure);
      for (let i = 0; i < bars; i++) {
        const peak = peaks.length ? peaks[Math.floor((i * peaks.length) / bars)] : 0.3;
        const barHeight = Math.max(2, peak * height);
        context.fillStyle = i / bars < played ? styles.getPropertyValue('--wave-played') : styles.getPropertyValue('--wave');
        context.fillRect(i * 3, (height - barHeight) / 2, 2, barHeight);
      }
    };
    const seek = (fraction) => {
      if (audio.duration) audio.currentTime = Math.min(audio.duration, Math.max(0, fraction * audio.duration));
    };
    canvas.addEventListener('click', (event) => {
      const box = canvas.getBoundingClientRect();
      seek((event.clientX - box.left) / box.width);
    });
    canvas.addEventListener('keydown', (event) => {
      if (!audio.duration) return;
      if (event.key === 'ArrowRight') seek((audio.currentTime + 5) / audio.duration);
      if (event.key === 'ArrowLeft') seek((audio.currentTime - 5) / audio.duration);
    });
    ['timeupdate', 'loadedmetadata', 'seeked'].forEach((name) => audio.addEventListener(name, draw));
    window.addEventListener('resize', draw);
    draw();
  });
}
