import './site.css';
import { initElderMode } from './elder.js';
import { initSuggestions } from './suggest.js';
import { initVideos } from './video.js';
import { initAudio } from './audio.js';
import { countView } from './views.js';

initElderMode(document);
initSuggestions(document);
initVideos(document);
initAudio(document);
countView(document);
