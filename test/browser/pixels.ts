/** The pixels of an image (a PNG Blob, or a data URL such as `chart.getDataURL()`), decoded by the browser. */
export async function imagePixels(source: Blob | string): Promise<ImageData> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  const image = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height);
}
