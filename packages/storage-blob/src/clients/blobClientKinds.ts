// BlobClient hands out its subclasses (getBlockBlobClient, ...), which import BlobClient to extend
// it; the subclasses register here when their module loads so neither module imports the other
// in a cycle.
import type { AppendBlobClient } from "./appendBlobClient.js";
import type { BlockBlobClient } from "./blockBlobClient.js";
import type { PageBlobClient } from "./pageBlobClient.js";

type Ctor<T> = new (url: string, context: never) => T;

export const blobClientKinds: {
  block?: Ctor<BlockBlobClient>;
  append?: Ctor<AppendBlobClient>;
  page?: Ctor<PageBlobClient>;
} = {};
